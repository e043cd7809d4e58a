"""`procure award`: the result of the tender (issue 16 § 5) — the ranking, award.xlsx, the
committee's report (award.docx, udbudsloven § 174) and the letters to the bidders (§ 171).

Each response is read and checked as `procure check` does (procure's compliance proposal and
its reasons), a person's confirmation from the evaluation file overrides the proposal, the
consensus points come from the evaluation file, the prices from the responses' own price
lists or from price lists handed in apart (`--prices`, matched by CVR number or name). Then
the published model decides (procure.award.award).

Exit codes: 0 when at least one bid is ranked; 1 when none could be (all excluded, or still
waiting for consensus); 2 for unusable input, and when letters are asked for but may not be
sent yet (what is missing is listed; a draft tender is never awarded). Nothing is written
unless everything asked for can be. A published tender is marked `tilbud åbnet` once its bids
are checked here, and `tildelt` once the letters are written.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from procure.cli.common import (
    EXIT_NEGATIVE,
    EXIT_OK,
    EXIT_UNUSABLE,
    add_format_option,
    add_max_size_option,
    add_tender_argument,
    echo,
    echo_block,
    evaluation_path,
    mark_bids_opened,
    read_for_tender,
    refuse_broken_seal,
    response_limits,
)
from procure.errors import ProcureError
from procure.i18n import t


def register(commands) -> None:
    """The command; its help in the language in force."""
    p = commands.add_parser(
        "award",
        help=str(t("tildel kontrakten: rangering, tildelingsrapport og meddelelser (§§ 171, 174)")),
    )
    add_tender_argument(p)
    p.add_argument("responses", nargs="+", help=str(t("besvarelser: .docx, .xlsx, .yaml, .json")))
    p.add_argument(
        "--prices",
        nargs="+",
        action="extend",
        default=[],
        metavar=str(t("FIL")),
        help=str(t("prislister afleveret for sig (price-list.xlsx), parret via CVR eller navn")),
    )
    p.add_argument("--out", help=str(t("skriv rangering og point hertil (.xlsx)")))
    p.add_argument("--note", help=str(t("skriv evalueringsrapporten hertil (.docx, § 174)")))
    p.add_argument(
        "--letters",
        metavar=str(t("MAPPE")),
        help=str(t("skriv én meddelelse pr. tilbudsgiver i denne mappe (.docx, § 171)")),
    )
    p.add_argument(
        "--sent-on",
        metavar=str(t("DATO")),
        help=str(
            t(
                "dagen meddelelserne sendes, fx 2027-03-01 (standard med --letters: i dag); "
                "giver standstillperiodens udløb"
            )
        ),
    )
    add_format_option(p)
    p.add_argument(
        "--evaluation",
        help=str(t("evalueringsfil (standard: <udbud>.evaluation.yaml hvis den findes)")),
    )
    add_max_size_option(p)
    p.set_defaults(handler=award)


def award(args) -> int:
    from procure.award import award as rank_bids
    from procure.award import award_model_for_spec, missing_for_letters
    from procure.award.record import (
        AwardRecord,
        VendorBid,
        award_bids,
        bid_records,
        match_price_lists,
    )
    from procure.award.report import award_text
    from procure.evaluation import evaluate_response, load_overrides
    from procure.files import staged_files
    from procure.responses.reader import read_prices
    from procure.tender import load_tender_spec
    from procure.tender.lifecycle import is_published

    spec = load_tender_spec(args.tender)
    refuse_broken_seal(args.tender, spec)
    sent_on = _sent_on(args.sent_on)
    if args.letters and sent_on is None:
        sent_on = _danish_today()
    model = award_model_for_spec(spec)
    evaluation = load_overrides(evaluation_path(args), spec)
    limits = response_limits(args)
    vendor_bids = []
    for path in args.responses:
        response = read_for_tender(Path(path), spec, limits)
        result = evaluate_response(spec, response, evaluation)
        vendor_bids.append(
            VendorBid(
                vendor=result.vendor,
                cvr=response.vendor.cvr,
                source=response.source,
                compliant=result.compliant,
                reasons=result.reasons,
                prices=response.prices,
            )
        )
    separate = [read_prices(Path(path), limits=limits) for path in args.prices]
    prices = match_price_lists(vendor_bids, separate, spec.tender.id)
    records = bid_records(model, vendor_bids, evaluation, prices)
    bids = award_bids(records)
    result = rank_bids(model, bids, sent_on=sent_on)
    record = AwardRecord(model, result, records)
    draft = not is_published(spec.tender)

    if args.letters:
        missing = list(missing_for_letters(model, bids))
        if draft:
            missing.insert(0, t("udbuddet er ikke offentliggjort (kladde)"))
        if len(result.winners) > 1:
            missing.append(
                t(
                    "{vendors} står lige efter alle offentliggjorte regler for lighed; "
                    "ordregiveren må afgøre tildelingen først",
                    vendors=", ".join(b.vendor for b in result.winners),
                )
            )
        if not result.winners and not missing:
            missing.append(t("intet tilbud kunne rangeres"))
        if missing:
            echo(
                t(
                    "procure: fejl: meddelelserne kan ikke sendes endnu ({count}):",
                    count=len(missing),
                ),
                file=sys.stderr,
            )
            for item in missing:
                echo(f"  - {item}", file=sys.stderr)
            return EXIT_UNUSABLE

    outputs = _render(spec, record, args, sent_on)
    staged_files(outputs)
    notes = []
    if not draft:  # the bids are checked: a published tender is now opened (or awarded)
        notes.append(_mark_awarded(args.tender) if args.letters else mark_bids_opened(args.tender))

    if args.format == "json":
        print(json.dumps(result.to_data(spec.language), ensure_ascii=False, indent=2))
        for bid in records:  # stdout stays pure JSON; the problems go to stderr
            for problem in bid.prices.problems if bid.prices else ():
                echo(f"{bid.vendor}: {problem.message}", file=sys.stderr)
    else:
        echo_block(award_text(record, spec.tender.title, spec.language, draft=draft))
    status_out = sys.stderr if args.format == "json" else None  # JSON output stays pure
    for path in outputs:
        echo(t("skrev {path}", path=path), file=status_out)
    for note in notes:
        if note is not None:
            echo(note, file=sys.stderr)
    return EXIT_OK if any(b.rank is not None for b in result.ranking) else EXIT_NEGATIVE


def _mark_awarded(path) -> object | None:
    """Mark the tender `tildelt` under the file's lock once the letters are written; the note
    to print the first time, else None."""
    from procure.tender.io import update_tender
    from procure.tender.lifecycle import mark_awarded
    from procure.tender.model import AWARDED

    now = dt.datetime.now()
    awarded = update_tender(
        path, lambda tender: None if tender.status == AWARDED else mark_awarded(tender, now)
    )
    if awarded is None:
        return None
    return t(
        "bemærk: meddelelserne er skrevet, og udbuddet er nu markeret 'tildelt' i {path}",
        path=path,
    )


def _render(spec, record, args, sent_on: dt.date | None) -> dict[Path, bytes]:
    """Every document asked for, as bytes by path. award.xlsx is rendered on the second core
    where there is one, beside the note and the letters (procure.parallel)."""
    from procure.parallel import run_all

    day = sent_on or _danish_today()
    if args.letters:
        folder = Path(args.letters)
        if folder.exists() and not folder.is_dir():
            raise ProcureError.invalid(folder, t("er ikke en mappe"))

    def workbook() -> dict[Path, bytes]:
        from procure.documents.award_xlsx import render_award_xlsx

        return {Path(args.out): render_award_xlsx(spec, record, day)}

    def note() -> dict[Path, bytes]:
        from procure.documents.award_note import render_award_note

        return {Path(args.note): render_award_note(spec, record, day)}

    def letters() -> dict[Path, bytes]:
        from procure.documents.award_letters import render_award_letters

        rendered = render_award_letters(spec, record, sent_on)
        return {Path(args.letters) / name: data for name, data in rendered.items()}

    jobs = [job for job, asked in ((workbook, args.out), (note, args.note), (letters, args.letters))
            if asked]  # fmt: skip
    outputs: dict[Path, bytes] = {}
    for part in run_all(jobs):
        outputs.update(part)
    return outputs


def _sent_on(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ProcureError(
            t("--sent-on skal være en dato som 2027-03-01, ikke '{value}'", value=value)
        ) from None


def _danish_today() -> dt.date:
    from procure.formats import DANISH_TIME

    return dt.datetime.now(DANISH_TIME).date()
