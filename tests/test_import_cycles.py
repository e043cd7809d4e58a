"""No import circles: no module of procure or the benchmarks imports one that imports it back,
directly or through others (imports inside functions count too)."""

from tests.import_graph import cycles, import_graph


def test_procure_and_the_benchmarks_have_no_import_circle():
    assert cycles(import_graph("procure", "benchmarks")) == []


def test_the_cycle_finder_finds_a_circle_through_three_modules():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_the_import_graph_sees_imports_inside_functions():
    graph = import_graph("procure")
    # procure.cli.check imports the evaluation only inside its handlers
    assert "procure.evaluation" in graph["procure.cli.check"]
    # and the command groups never import the package that registers them
    for group in ("library", "tender", "build", "check", "common"):
        assert "procure.cli" not in graph[f"procure.cli.{group}"], group
