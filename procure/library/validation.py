"""Validate a library folder: parse every file, check its schema, then the cross-file rules.

Checking never prints. All problems are collected (parse problems kept apart from schema
problems: a file that does not parse is not schema-checked) and returned in one report.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from procure.bulk import gc_paused
from procure.errors import ProcureError, one_line_message
from procure.i18n import Message, in_words, t
from procure.library import release as release_mod
from procure.library.model import Library, library_from_data, unknown_message
from procure.library.schemas import describe_error, schema
from procure.limits import MAX_REQUIREMENTS_PER_FILE
from procure.yamlio import line_of, load_yaml_file


@dataclass(frozen=True)
class Problem:
    """One validation problem, printed as `file:line: [ID] message`."""

    file: str
    line: int | None
    requirement: str | None
    message: str | Message

    def text(self, lang: str | None = None) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        ident = f" [{self.requirement}]" if self.requirement else ""
        return one_line_message(f"{where}:{ident} {in_words(self.message, lang)}")

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True)
class ValidationReport:
    path: str
    problems: tuple[Problem, ...]
    library: Library | None  # set when there are no problems
    # Advice that does not make the library invalid (near-duplicate texts), when asked for
    warnings: tuple[Problem, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.problems


@dataclass
class _Parsed:
    """A parsed YAML file and where it came from."""

    path: Path
    display: str
    data: Any


def validate_library_folder(
    path: Path | str, *, warn_near_duplicates: bool = False
) -> ValidationReport:
    """Validate the library folder at `path`.

    Raises ProcureError only when the input is unusable (no such folder, no library.yaml,
    unreadable file); every problem in the content is reported in the ValidationReport.
    With `warn_near_duplicates`, a valid library's active requirements are also compared for
    nearly identical texts (procure.library.similarity); those are warnings, not problems.
    """
    root = Path(path)
    if not root.is_dir():
        raise ProcureError.invalid(
            root, t("mappen findes ikke (forventede en kravbiblioteksmappe)")
        )
    if not (root / "library.yaml").is_file():
        raise ProcureError.invalid(root, t("mappen er ikke et kravbibliotek: library.yaml mangler"))
    checker = _FolderChecker(root)
    # Parsed files, the library and its index are large and acyclic: the collector's passes
    # over them between files cost a tenth of a 10,000-requirement validate and free nothing.
    with gc_paused():
        checker.run()
        problems = tuple(checker.problems)
        library = None if problems else checker.library
        warnings: tuple[Problem, ...] = ()
        if library is not None and warn_near_duplicates:
            warnings = near_duplicate_warnings(library, checker.req_where, str(root))
    return ValidationReport(str(root), problems, library, warnings)


def near_duplicate_warnings(
    library: Library, where: dict[str, tuple[str, int | None]], root: str
) -> tuple[Problem, ...]:
    """One warning per pair of active requirements with nearly the same text."""
    from procure.library.similarity import MAX_REPORTED_PAIRS, near_duplicates

    result = near_duplicates(library.requirements)
    found = []
    for pair in result.pairs:
        file, line = where.get(pair.first, (root, None))
        found.append(
            Problem(
                file,
                line,
                pair.first,
                t(
                    "kravteksten ligner {other} (token-set-lighed {score} af 100); står de for "
                    "samme forpligtelse, så behold ét krav og udfas det andet med replaced_by",
                    other=pair.second,
                    score=f"{pair.score:.0f}",
                ),
            )
        )
    if result.truncated:
        found.append(
            Problem(
                root,
                None,
                None,
                t(
                    "mere end {count} par næsten ens kravtekster; søgningen stoppede ved de "
                    "første {count}",
                    count=MAX_REPORTED_PAIRS,
                ),
            )
        )
    return tuple(found)


class _FolderChecker:
    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.library: Library | None = None
        # requirement id -> (display file, line), for messages about a requirement
        self.req_where: dict[str, tuple[str, int | None]] = {}

    # -- orchestration ---------------------------------------------------------------------

    def run(self) -> None:
        manifest = self._parse_and_check("library.yaml", "library.schema.json")
        integrations = self._parse_and_check("integrations.yaml", "integrations.schema.json")
        categories = self._parse_and_check("categories.yaml", "categories.schema.json")
        kle = self._parse_and_check("kle.yaml", "kle.schema.json")
        req_files = []
        req_dir = self.root / "requirements"
        if not req_dir.is_dir():
            self._add("requirements/", None, None, t("mappen requirements/ mangler"))
        else:
            req_files = self._parse_requirement_files(sorted(req_dir.glob("*.yaml")))
        if any(p is None for p in (manifest, integrations, categories, kle)):
            return  # cross-file rules need every file; the parse/schema problems say why
        data = {
            "name": manifest.data["name"],
            "version": manifest.data["version"],
            "changelog": manifest.data["changelog"],
            "areas": manifest.data["areas"],
            "integrations": integrations.data["integrations"],
            "categories": categories.data["categories"],
            "category_advice": categories.data["advice"],
            "kle": kle.data["hovedgrupper"],
            "requirements": [r for f in req_files for r in f.data["requirements"]],
        }
        self._check_cross_file(manifest, integrations, categories, kle, req_files)
        if self.problems:
            return
        self.library = library_from_data(data, source=str(self.root))
        self._check_releases(manifest)

    # -- parsing and schema ----------------------------------------------------------------

    def _parse_and_check(self, relative: str, schema_name: str) -> _Parsed | None:
        path = self.root / relative
        data, problems = parse_and_check_file(path, schema_name)
        self.problems.extend(problems)
        return None if data is None else _Parsed(path, str(path), data)

    def _parse_requirement_files(self, files: list[Path]) -> list[_Parsed]:
        jobs = [(file, "requirements.schema.json") for file in files]
        total = sum(file.stat().st_size for file in files)
        if total >= PARALLEL_THRESHOLD_BYTES and len(files) > 1 and (os.cpu_count() or 1) > 1:
            # Parsing and schema checking are CPU-bound and independent per file: on a large
            # library two processes nearly halve the time.
            from concurrent.futures import ProcessPoolExecutor

            workers = min(len(files), os.cpu_count() or 1)
            with ProcessPoolExecutor(workers, mp_context=_fork_context()) as pool:
                results = list(pool.map(_parse_job, jobs))
        else:
            results = [_parse_job(job) for job in jobs]
        parsed = []
        for file, (data, problems) in zip(files, results, strict=True):
            self.problems.extend(problems)
            if data is not None:
                parsed.append(_Parsed(file, str(file), data))
        return parsed

    # -- cross-file rules ------------------------------------------------------------------

    def _check_cross_file(self, manifest, integrations, categories, kle, req_files) -> None:
        m = manifest.data
        area_prefix = {a["key"]: a["prefix"] for a in m["areas"]}
        self._unique(manifest, m["areas"], "key", "området", ("areas",))
        integ_list = integrations.data["integrations"]
        integ_ids = self._unique(integrations, integ_list, "id", "integrationen", ("integrations",))
        cat_list = categories.data["categories"]
        cat_codes = self._unique(categories, cat_list, "code", "kategorien", ("categories",))
        kle_list = kle.data["hovedgrupper"]
        kle_numbers = self._unique(kle, kle_list, "number", "KLE-hovedgruppen", ("hovedgrupper",))

        if not any(c["version"] == m["version"] for c in m["changelog"]):
            self._add(
                manifest.display,
                manifest.data.lines.get("version"),
                None,
                t("changelog mangler en post for version {version}", version=m["version"]),
            )

        for i, item in enumerate(integ_list):
            for dep in item["depends_on"]:
                if dep not in integ_ids:
                    self._add(
                        integrations.display,
                        line_of(integrations.data, ("integrations", i, "depends_on")),
                        None,
                        t(
                            "integrationen '{id}' afhænger af den ukendte integration '{ref}'",
                            id=item["id"],
                            ref=dep,
                        ),
                    )
        self._check_cycles(integrations, integ_list)

        for i, item in enumerate(cat_list):
            where = line_of(categories.data, ("categories", i))
            for ref in item["recommended_integrations"]:
                if ref not in integ_ids:
                    self._add(
                        categories.display,
                        where,
                        None,
                        t(
                            "kategorien {code} anbefaler den ukendte integration '{ref}'",
                            code=item["code"],
                            ref=ref,
                        ),
                    )
            for ref in item["recommended_kle"]:
                if ref not in kle_numbers:
                    self._add(
                        categories.display,
                        where,
                        None,
                        t(
                            "kategorien {code} anbefaler den ukendte KLE-hovedgruppe '{ref}'",
                            code=item["code"],
                            ref=ref,
                        ),
                    )

        seen: dict[str, tuple[str, int | None]] = {}
        all_reqs = []
        for parsed in req_files:
            area_of_file = parsed.path.stem
            if area_of_file not in area_prefix:
                self._add(
                    parsed.display,
                    1,
                    None,
                    t(
                        "ukendt område '{ref}'; områderne står i library.yaml ({areas})",
                        ref=area_of_file,
                        areas=", ".join(area_prefix),
                    ),
                )
            for i, req in enumerate(parsed.data["requirements"]):
                line = line_of(parsed.data, ("requirements", i))
                rid = req["id"]
                if rid in seen:
                    first_file, first_line = seen[rid]
                    self._add(
                        parsed.display,
                        line,
                        rid,
                        t(
                            "id'et er brugt to gange (også i {first}); "
                            "et id må kun bruges én gang og aldrig genbruges",
                            first=f"{first_file}:{first_line}",
                        ),
                    )
                    continue
                seen[rid] = (parsed.display, line)
                all_reqs.append((parsed, i, req))
        self.req_where = seen

        version = _version_tuple(m["version"])
        for parsed, i, req in all_reqs:
            self._check_requirement(
                parsed, i, req, area_prefix, integ_ids, cat_codes, kle_numbers, seen, version
            )

    def _check_requirement(
        self, parsed, i, req, area_prefix, integ_ids, cat_codes, kle_numbers, all_ids, version
    ) -> None:
        rid = req["id"]
        data = parsed.data

        def add(field: str | None, message: Message) -> None:
            path = ("requirements", i) + ((field,) if field else ())
            self._add(parsed.display, line_of(data, path), rid, message)

        area = req["area"]
        if area != parsed.path.stem:
            add(
                "area",
                t(
                    "området '{area}' passer ikke til filen {file}; "
                    "flyt kravet til requirements/{area}.yaml",
                    area=area,
                    file=parsed.path.name,
                ),
            )
        prefix = area_prefix.get(area)
        if prefix is None:
            add("area", unknown_message("område", area))
        elif not rid.startswith(prefix + "-"):
            add(
                "id",
                t("id'et skal begynde med '{prefix}-' i området {area}", prefix=prefix, area=area),
            )
        if req["kind"] != "PK" and "weight" in req:
            add(
                "weight",
                t(
                    "kun prioriterede krav (PK) har en vægt; fjern 'weight' eller gør "
                    "kravet til PK (det er {kind})",
                    kind=req["kind"],
                ),
            )
        for ref in req["integrations"]:
            if ref not in integ_ids:
                add("integrations", unknown_message("integration", ref))
        if req["categories"] != "all":
            for ref in req["categories"]:
                if ref not in cat_codes:
                    add("categories", unknown_message("kategori", ref))
        for ref in req.get("kle", ()):
            if ref not in kle_numbers:
                add("kle", unknown_message("KLE-hovedgruppe", ref))
        replaced_by = req.get("replaced_by")
        if replaced_by is not None:
            if replaced_by == rid:
                add("replaced_by", t("et krav kan ikke erstatte sig selv"))
            elif replaced_by not in all_ids:
                add("replaced_by", t("erstattes af det ukendte krav '{ref}'", ref=replaced_by))
        if req["status"] == "active" and (replaced_by or "deprecation_reason" in req):
            add(
                "status",
                t(
                    "et aktivt krav har 'replaced_by'/'deprecation_reason'; "
                    "sæt status: deprecated eller fjern felterne"
                ),
            )
        if _version_tuple(req["since"]) > version:
            add(
                "since",
                t("'since' ({since}) er nyere end bibliotekets version", since=req["since"]),
            )

    def _check_cycles(self, integrations: _Parsed, items: list) -> None:
        graph = {item["id"]: list(item["depends_on"]) for item in items}
        lines = {
            item["id"]: line_of(integrations.data, ("integrations", i))
            for i, item in enumerate(items)
        }
        reported: set[frozenset] = set()
        for start in graph:
            cycle = _find_cycle(graph, start)
            if cycle and frozenset(cycle) not in reported:
                reported.add(frozenset(cycle))
                chain = " → ".join(cycle + [cycle[0]])
                self._add(
                    integrations.display,
                    lines.get(cycle[0]),
                    None,
                    t("afhængighederne danner en ring: {chain}", chain=chain),
                )

    def _unique(self, parsed: _Parsed, items: list, key: str, what: str, path: tuple) -> set:
        seen: dict = {}
        for i, item in enumerate(items):
            value = item[key]
            if value in seen:
                self._add(
                    parsed.display,
                    line_of(parsed.data, path + (i,)),
                    None,
                    _twice(what, value, seen[value]),
                )
            else:
                seen[value] = line_of(parsed.data, path + (i,))
        return set(seen)

    # -- released versions are frozen ------------------------------------------------------

    def _check_releases(self, manifest: _Parsed) -> None:
        releases = self.root / "releases"
        if not releases.is_dir():
            return
        working = self.library
        assert working is not None
        for release_file in sorted(releases.glob("*.json")):
            try:
                released = release_mod.read_release_file(release_file)
            except ProcureError as exc:
                self._add(str(release_file), None, None, exc.message)
                continue
            same_version = released.version == working.version
            self._compare_with_release(released, working, release_file, same_version, manifest)

    def _compare_with_release(
        self,
        released: Library,
        working: Library,
        release_file: Path,
        same_version: bool,
        manifest: _Parsed,
    ) -> None:
        hint = t(
            "udgivelse {version} er låst: hæv versionen i library.yaml og tilføj en changelog-post",
            version=released.version,
        )
        for old in released.requirements:
            new = working.requirements_by_id.get(old.id)
            file, line = self.req_where.get(old.id, (str(release_file), None))
            if new is None:
                self._add(
                    str(release_file),
                    None,
                    old.id,
                    t(
                        "kravet findes i udgivelse {version} men er fjernet; "
                        "et id må aldrig fjernes eller genbruges: markér kravet som udfaset",
                        version=released.version,
                    ),
                )
                continue
            if same_version:
                changed = changed_fields(old.to_data(), new.to_data())
                if changed:
                    self._add(
                        file,
                        line,
                        old.id,
                        t(
                            "kravet er ændret siden udgivelsen (felter: {fields}); {hint}",
                            fields=", ".join(changed),
                            hint=hint,
                        ),
                    )
        if not same_version:
            return
        for new in working.requirements:
            if new.id not in released.requirements_by_id:
                file, line = self.req_where[new.id]
                self._add(
                    file, line, new.id, t("kravet er tilføjet efter udgivelsen; {hint}", hint=hint)
                )
        old_data, new_data = released.to_data(), working.to_data()
        for key, filename in (
            ("integrations", "integrations.yaml"),
            ("categories", "categories.yaml"),
            ("category_advice", "categories.yaml"),
            ("kle", "kle.yaml"),
            ("areas", "library.yaml"),
            ("name", "library.yaml"),
            ("changelog", "library.yaml"),
        ):
            if old_data[key] != new_data[key]:
                self._add(
                    str(self.root / filename),
                    None,
                    None,
                    t("'{key}' er ændret siden udgivelsen; {hint}", key=key, hint=hint),
                )

    def _add(
        self, file: str, line: int | None, requirement: str | None, message: str | Message
    ) -> None:
        self.problems.append(Problem(file, line, requirement, message))


# Two processes parse a library this large. Measured (issue 20) since the fast YAML pass and
# jsonschema-rs: on the 2-core machine, the 24 MB library of 10,000 requirements validated in
# 1.9-3.7 s serially and 3.0-5.9 s in two processes (the parse is now as quick as shipping the
# parsed files back), so the pool is kept only for libraries far beyond that.
PARALLEL_THRESHOLD_BYTES = 64 * 1024 * 1024


def _twice(what: str, value: object, first_line: int | None) -> Message:
    """ "området 'x' står to gange (også på linje 3)", for the lists checked by `_unique`."""
    if what == "området":
        return t(
            "området '{value}' står to gange (også på linje {line})", value=value, line=first_line
        )
    if what == "integrationen":
        return t(
            "integrationen '{value}' står to gange (også på linje {line})",
            value=value,
            line=first_line,
        )
    if what == "kategorien":
        return t(
            "kategorien '{value}' står to gange (også på linje {line})",
            value=value,
            line=first_line,
        )
    if what == "KLE-hovedgruppen":
        return t(
            "KLE-hovedgruppen '{value}' står to gange (også på linje {line})",
            value=value,
            line=first_line,
        )
    raise ValueError(f"_twice: unknown kind {what!r}")


def parse_and_check_file(path: Path, schema_name: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML file and check it against its schema.

    Returns (data, []) when the file is fine, (None, problems) otherwise. Problems inside a
    requirement carry its id, with field paths relative to that requirement.
    """
    display = str(path)
    if not path.exists():
        return None, [Problem(display, None, None, t("filen mangler"))]
    try:
        data = load_yaml_file(path)
    except ProcureError as exc:
        loc = exc.location
        return None, [Problem(display, loc.line if loc else None, None, exc.message)]
    if data is None:
        return None, [Problem(display, 1, None, t("filen er tom"))]
    requirements = data.get("requirements") if isinstance(data, dict) else None
    if isinstance(requirements, list) and len(requirements) > MAX_REQUIREMENTS_PER_FILE:
        # Before the schema: validating a requirement takes about 0.35 ms (limits.py)
        message = t(
            "filen har {count} krav; højst {limit} er tilladt i én fil (del området op i "
            "flere filer)",
            count=len(requirements),
            limit=MAX_REQUIREMENTS_PER_FILE,
        )
        return None, [Problem(display, line_of(data, ("requirements",)), None, message)]
    problems = []
    for error in schema(schema_name).errors(data):
        err_path = tuple(error.absolute_path)
        req_id = None
        base: tuple = ()
        if len(err_path) >= 2 and err_path[0] == "requirements":
            base = err_path[:2]
            item = data["requirements"][err_path[1]]
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                req_id = item["id"]
        problems.append(
            Problem(display, line_of(data, err_path), req_id, describe_error(error, base))
        )
    return (None, problems) if problems else (data, [])


def _parse_job(job: tuple[Path, str]) -> tuple[Any, list[Problem]]:
    return parse_and_check_file(*job)


def _fork_context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else methods[0])


def changed_fields(old: dict, new: dict, prefix: str = "") -> list[str]:
    """Dotted names of the fields that differ between two requirement dicts."""
    out = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        name = f"{prefix}{key}"
        if isinstance(a, dict) and isinstance(b, dict):
            out.extend(changed_fields(a, b, name + "."))
        else:
            out.append(name)
    return out


def _find_cycle(graph: dict[str, list[str]], start: str) -> list[str] | None:
    """A dependency cycle through `start`, as a list of ids, or None."""
    path: list[str] = []
    on_path: set[str] = set()
    done: set[str] = set()

    def visit(node: str) -> list[str] | None:
        if node in on_path:
            return path[path.index(node) :]
        if node in done or node not in graph:
            return None
        path.append(node)
        on_path.add(node)
        for dep in graph[node]:
            found = visit(dep)
            if found:
                return found
        path.pop()
        on_path.discard(node)
        done.add(node)
        return None

    cycle = visit(start)
    return cycle if cycle and cycle[0] == start else None


def _version_tuple(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in str(version).split("."))
    except ValueError:
        return (0,)
