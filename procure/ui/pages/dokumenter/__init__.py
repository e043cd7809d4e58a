"""Step 7, "Dokumenter": validate the tender, publish it or record a correction
(`publication.py`), and download tender.yaml and the documents."""

from __future__ import annotations

import io
import zipfile

import streamlit as st

from procure.documents.file_names import PACKAGE, download_name
from procure.errors import ProcureError
from procure.tender import dump_tender, parse_tender, resolve_tender
from procure.tender.spec import TenderSpec
from procure.ui.downloads import MIME
from procure.ui.pages.dokumenter import publication
from procure.ui.readiness import form_problems
from procure.ui.session import LOG, current_library, plain
from procure.ui.state import WizardState, build_tender, kind_counts, orphaned_changes, propose
from procure.ui.texts import tr


def render(state: WizardState) -> None:
    lang = state.ui_lang
    library = current_library(state)
    problems = form_problems(state)
    if problems:
        st.error(tr(lang, "fix_first") + "\n\n" + "\n".join(f"- {plain(p)}" for p in problems))
        return

    orphans = orphaned_changes(state, library, propose(state, library))
    if orphans:
        st.warning(plain(tr(lang, "orphans_not_in_tender", ids=", ".join(orphans))))

    tender = build_tender(state, library)
    yaml_text = dump_tender(tender)
    try:
        # The file must load back: the same schema check a colleague's procure will make.
        parse_tender(yaml_text, "tender.yaml")
        spec = resolve_tender(tender, library)
    except ProcureError as exc:
        st.error(tr(lang, "tender_invalid") + "\n\n" + plain(str(exc)))
        return

    _summary(state, spec)
    if not publication.render(state, spec):
        return  # a correction is pending: the documents would not be the published ones
    st.subheader(tr(lang, "downloads_heading"))
    st.caption(tr(lang, "downloads_intro"))
    st.download_button(
        tr(lang, "download_file", name="tender.yaml"),
        data=yaml_text.encode("utf-8"),
        file_name="tender.yaml",
        mime=MIME[".yaml"],
        key="download_tender.yaml",
        on_click="ignore",
        icon=":material/save:",
    )
    documents = _documents(state, spec, yaml_text)
    if documents is None:
        return
    # Named after the tender in the documents' language; the zip holds what goes to the
    # bidders only (tender.yaml is the officer's, downloaded above).
    title, doc_lang = spec.tender.title, spec.language
    named = {download_name(name, title, doc_lang): data for name, data in documents.items()}
    zip_name = download_name(PACKAGE, title, doc_lang)
    st.download_button(
        tr(lang, "download_zip", name=zip_name),
        data=documents_zip(named),
        file_name=zip_name,
        mime="application/zip",
        key="download_all.zip",
        on_click="ignore",
        type="primary",
        icon=":material/folder_zip:",
        help=tr(lang, "download_zip_help"),
    )
    for name, data in documents.items():
        shown = download_name(name, title, doc_lang)
        st.download_button(
            tr(lang, "download_file", name=shown),
            data=data,
            file_name=shown,
            mime=MIME.get(name[name.rfind(".") :], "application/octet-stream"),
            key=f"download_{name}",  # the CLI's name: the same button whatever the title
            on_click="ignore",
            icon=":material/download:",
        )


def documents_zip(files: dict[str, bytes]) -> bytes:
    """The files as one zip; the same files always give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def _summary(state: WizardState, spec: TenderSpec) -> None:
    lang = state.ui_lang
    counts = kind_counts(r.kind for r in spec.requirements)
    kinds = ", ".join(f"{counts[k]} {k}" for k in counts if counts[k])
    st.success(
        plain(
            tr(
                lang,
                "tender_valid",
                count=len(spec.requirements),
                kinds=kinds or "–",
                weight=spec.total_weight,
            )
        )
    )
    left, middle, right = st.columns(3)
    left.metric(tr(lang, "library_version"), spec.library_version)
    middle.metric(tr(lang, "fingerprint"), spec.short_fingerprint, help=spec.fingerprint)
    right.metric(tr(lang, "requirements_total"), len(spec.requirements))
    st.caption(plain(tr(lang, "tender_id", id=spec.tender.id)))
    added = [i for i in spec.integrations if not i.chosen]
    if added:
        st.info(
            plain(
                tr(
                    lang,
                    "integrations_added",
                    names="; ".join(
                        f"{i.name} ({tr(lang, 'required_by_short', ids=', '.join(i.required_by))})"
                        for i in added
                    ),
                )
            )
        )


def _documents(state: WizardState, spec: TenderSpec, yaml_text: str) -> dict[str, bytes] | None:
    """The three documents, rendered once per tender content and kept for this session."""
    lang = state.ui_lang
    key = (yaml_text, state.library_version)
    if state.documents_cache is not None and state.documents_cache[0] == key:
        return state.documents_cache[1]
    try:
        from procure.documents.build import render_documents

        with st.spinner(tr(lang, "rendering")):
            documents = render_documents(spec)
    except ProcureError as exc:
        st.error(plain(str(exc)))
        return None
    except ImportError:
        LOG.exception("document renderers missing")
        st.warning(tr(lang, "documents_unavailable"))
        return None
    except Exception:
        LOG.exception("rendering documents failed")
        st.error(tr(lang, "documents_failed"))
        return None
    state.documents_cache = (key, documents)
    return documents
