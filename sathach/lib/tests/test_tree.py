from sathach.lib.tree import child_path, depth, outermost


def test_child_paths_and_depths():
    root = child_path(None, "NA")
    child = child_path(root, "NA-DANG")
    assert (root, child) == ("/NA/", "/NA/NA-DANG/")
    assert (depth(root), depth(child)) == (0, 1)


def test_outermost_keeps_only_the_top_of_nested_subtrees():
    paths = ["/NA/SNV/", "/NA/", "/NB/X/", "/NA/SNV/P1/", "/NB/X/"]
    assert outermost(paths) == ["/NA/", "/NB/X/"]


def test_a_code_that_prefixes_another_is_not_its_ancestor():
    # "/NA/S1/" must not swallow "/NA/S10/": paths end with "/".
    assert outermost(["/NA/S1/", "/NA/S10/"]) == ["/NA/S1/", "/NA/S10/"]
