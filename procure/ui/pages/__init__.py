"""The wizard's steps, one module (or a package, for a big step) per step, named as the step is
named in the wizard: start, udbud, system, integrationer, krav, evaluering, dokumenter, tilbud,
bibliotek. Each has `render(state)`, registered under its step key in procure/ui/app.py; its texts
are in procure/ui/texts/ under the same name.

A page imports only downward (state, session, persistence, readiness, downloads, texts and the
layers below procure.ui), never another step's page: what two steps share moves below them.
"""
