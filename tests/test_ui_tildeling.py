"""Step 9, Tildeling: the ranking by the published model on the committee's consensus points —
excluded bids with their reasons and no points or bar, ties shown as ties — and what the § 171
letters still need."""

from __future__ import annotations

import dataclasses
import json

import pyarrow as pa

from procure.evaluation.committee import append_confirmation, append_consensus
from procure.evaluation.overrides import Overrides
from procure.tender.model import Criterion
from procure.ui.pages.tildeling.chart import ranking_chart
from tests.test_ui_tilbud import bid, readme_spec, with_bids
from tests.wizard import (
    README_PKS,
    STATE_KEY,
    errors,
    go,
    markdown,
    readme_model_tender,
    shown,
)


def quality_only_tender():
    """The README tender with one quality criterion (its three PKs) and no price: bids are
    ranked on the committee's points alone (§ 162 stk. 4)."""
    tender = readme_model_tender()
    model = dataclasses.replace(
        tender.evaluation,
        criteria=(Criterion("Kvalitet", 100, requirements=tuple(README_PKS.items())),),
        tie_break=(),
    )
    return dataclasses.replace(tender, evaluation=model, price_lines=())


def agree(at, points: dict[str, dict[str, str]], confirm: dict[str, bool] = ()):
    """Consensus points (vendor → requirement → points) and confirmations, as the committee
    would have entered them on Tilbud, kept in the wizard's evaluation of the tender."""
    state = at.session_state[STATE_KEY]
    spec = at.session_state["procure_check_spec"][2]
    evaluation = state.check.evaluations.get(state.tender_id) or Overrides(state.tender_id)
    for vendor, by_requirement in points.items():
        for rid, value in by_requirement.items():
            evaluation = append_consensus(
                evaluation,
                spec,
                vendor=vendor,
                requirement_id=rid,
                points=value,
                why=f"Begrundelse for {rid}.",
                by="Udvalget",
            )
    for vendor, compliant in dict(confirm).items():
        evaluation = append_confirmation(
            evaluation, spec, vendor=vendor, compliant=compliant, why="Gennemgået.", by="Eva"
        )
    state.check.evaluations[state.tender_id] = evaluation
    return at


def chart_rows(at) -> list[dict]:
    [chart] = at.get("vega_lite_chart")  # the only chart on the step
    return pa.ipc.open_stream(chart.proto.data.data).read_all().to_pylist()


def table_with(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_the_ranking_excludes_a_bid_that_fails_a_mindstekrav_without_points_or_bar():
    tender = quality_only_tender()
    spec = readme_spec(tender)
    mk = next(r.id for r in spec.requirements if r.kind == "MK")
    at = with_bids(
        [
            ("a.yaml", bid(spec, "Leverandør A")),
            ("b.yaml", bid(spec, "Leverandør B")),
            ("c.yaml", bid(spec, "Leverandør C", {mk: ("Ikke opfyldt", "")})),
        ],
        tender,
    )
    agree(
        at,
        {
            "Leverandør A": {"FKI-BRG-004": "6", "FKI-DRF-002": "8", "FKI-IND-005": "7"},
            "Leverandør B": {"FKI-BRG-004": "9", "FKI-DRF-002": "9", "FKI-IND-005": "4"},
        },
    )
    go(at, "step_award")
    assert not at.exception and not errors(at), errors(at)

    ranking = table_with(at, "Placering")
    assert list(ranking["Leverandør"]) == ["Leverandør B", "Leverandør A"]
    assert list(ranking["Placering"]) == ["1. plads", "2. plads"]
    # Kvalitet: A (6·6 + 8·6 + 7·4)/16 = 7,00; B (9·6 + 9·6 + 4·4)/16 = 7,75
    assert list(ranking["Samlet score"]) == ["7,75", "7,00"]
    assert list(ranking["Bekræftet af en person"]) == ["Nej", "Nej"]

    text = markdown(at)
    assert "- **Leverandør C** – tilbuddet opfylder ikke alle mindstekrav" in text
    assert "**Leverandør A**" not in text and "**Leverandør B**" not in text
    assert f"{mk} (bekræftet af en person: nej)" in text
    # Only the ranked bids have a bar
    rows = chart_rows(at)
    assert [(r["vendor"], r["rank_text"], r["value_text"]) for r in rows] == [
        ("Leverandør B", "1. plads", "7,75"),
        ("Leverandør A", "2. plads", "7,00"),
    ]
    # What the letters still need: the tender is a draft and nobody has confirmed the bids
    missing = " ".join(shown(w.value) for w in at.warning)
    assert "Udbuddet er ikke offentliggjort (kladde)" in missing
    assert "Leverandør A: ingen person har bekræftet" in missing
    assert "Leverandør C: ingen person har bekræftet" in missing


def test_a_bid_missing_consensus_waits_and_equal_bids_share_their_rank():
    tender = quality_only_tender()
    spec = readme_spec(tender)
    at = with_bids(
        [
            ("a.yaml", bid(spec, "Leverandør A")),
            ("b.yaml", bid(spec, "Leverandør B")),
            ("c.yaml", bid(spec, "Leverandør C")),
        ],
        tender,
    )
    same = {"FKI-BRG-004": "7", "FKI-DRF-002": "7", "FKI-IND-005": "7"}
    agree(at, {"Leverandør A": same, "Leverandør B": same, "Leverandør C": {"FKI-BRG-004": "9"}})
    go(at, "step_award")
    ranking = table_with(at, "Placering")
    assert list(ranking["Placering"]) == ["1. plads, delt", "1. plads, delt"]
    text = " ".join(shown(w.value) for w in at.warning)
    assert "Står lige efter alle offentliggjorte regler for lighed: Leverandør A, Leverandør B" in (
        text
    )
    waiting = " ".join(shown(i.value) for i in at.info)
    assert "Leverandør C rangeres ikke endnu: 2 evaluerede krav mangler konsensuspoint" in waiting
    assert {r["vendor"] for r in chart_rows(at)} == {"Leverandør A", "Leverandør B"}


def test_a_person_who_confirms_a_bid_non_compliant_excludes_it_with_the_reason():
    tender = quality_only_tender()
    spec = readme_spec(tender)
    at = with_bids(
        [("a.yaml", bid(spec, "Leverandør A")), ("b.yaml", bid(spec, "Leverandør B"))], tender
    )
    points = {"FKI-BRG-004": "7", "FKI-DRF-002": "7", "FKI-IND-005": "7"}
    agree(
        at,
        {"Leverandør A": points, "Leverandør B": points},
        {"Leverandør A": True, "Leverandør B": False},
    )
    go(at, "step_award")
    assert list(table_with(at, "Placering")["Leverandør"]) == ["Leverandør A"]
    text = markdown(at)
    assert "- **Leverandør B** – en person har vurderet tilbuddet som ukonditionsmæssigt" in text
    assert "Gennemgået." in text


def test_the_chart_writes_each_rank_on_its_bar_and_has_a_danish_title():
    from procure.award import Bid, award, award_model_for_spec
    from procure.tender import resolve_tender
    from tests.samples import shipped_release

    spec = resolve_tender(quality_only_tender(), shipped_release())
    model = award_model_for_spec(spec)
    points = {rid: 5 for rid in README_PKS}
    result = award(
        model,
        [
            Bid("A", {rid: 8 for rid in README_PKS}),
            Bid("B", points),
            Bid("C", points),
            Bid("D", points, proposed_compliant=False),
        ],
    )
    chart = ranking_chart(model, result, "da")
    rows = chart["data"]["values"]
    assert [r["label"] for r in rows] == [
        "1. plads · A",
        "2. plads, delt · B",
        "2. plads, delt · C",
    ]
    bars = chart["layer"][0]["encoding"]
    assert bars["x"]["title"] == "Samlet score (0–10) for de rangerede tilbud"
    # The rank is text on the axis and the figure text on the bar: not colour alone
    assert chart["encoding"]["y"]["field"] == "label"
    assert [layer["encoding"]["text"]["field"] for layer in chart["layer"][1:]] == [
        "value_text",
        "value_text",
    ]
    assert json.dumps(chart)  # plain data for the browser


def test_a_published_tender_with_every_bid_confirmed_gives_the_documents_and_is_awarded(
    workspace_in_tmp, downloads
):
    """The README's model (quality 60 %, price 40 % relative-linear): A costs 1.000.000 and
    scores 7 everywhere, B costs 1.250.000 and scores 9. Price points: A 10, B 10 · (1 − 0,25)
    = 7,50; totals: A 0,6 · 7 + 0,4 · 10 = 8,20, B 0,6 · 9 + 0,4 · 7,5 = 8,40."""
    import io
    import zipfile

    from procure.tender import parse_tender
    from tests.test_ui_publication import published_tender

    tender = published_tender()
    spec = readme_spec(tender)
    at = with_bids(
        [
            ("a.yaml", bid(spec, "Leverandør A", prices={"P1": "1000000"})),
            ("b.yaml", bid(spec, "Leverandør B", prices={"P1": "1250000"})),
        ],
        tender,
    )
    seven = dict.fromkeys(README_PKS, "7")
    nine = dict.fromkeys(README_PKS, "9")
    agree(at, {"Leverandør A": seven, "Leverandør B": nine})
    go(at, "step_award")
    ranking = table_with(at, "Placering")
    assert list(ranking["Leverandør"]) == ["Leverandør B", "Leverandør A"]
    assert list(ranking["Samlet score"]) == ["8,40", "8,20"]
    assert list(ranking["Pris (point)"]) == ["7,50", "10,00"]
    # Not yet confirmed by a person: no letters, but the record and the workbook are there
    assert "ingen person har bekræftet" in " ".join(shown(w.value) for w in at.warning)
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Hent award.docx", "Hent award.xlsx"]

    agree(at, {}, {"Leverandør A": True, "Leverandør B": True})
    at.run()
    assert any("Alt er på plads" in shown(s.value) for s in at.success)
    assert "Standstill-perioden slutter" in " ".join(shown(i.value) for i in at.info)
    letters = zipfile.ZipFile(io.BytesIO(downloads(at, "letters.zip")))
    assert len(letters.namelist()) == 2
    assert downloads(at, "award.docx")[:2] == b"PK"
    at.button(key="award_mark_awarded").click().run()
    path = workspace_in_tmp / "tenders" / tender.id / "tender.yaml"
    assert parse_tender(path.read_text(encoding="utf-8"), "tender.yaml").status == "tildelt"
    assert "Status: tildelt" in " ".join(shown(c.value) for c in at.caption)
