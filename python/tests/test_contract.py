"""The stable names of /work/shared/design/python.md (docs/python.md, "Contract") exist and
behave as written there, and the hand-written stub semivisible/__init__.pyi lists exactly the
module's public names (and each class's public members)."""
import ast
import inspect
import os

import numpy as np
import pytest

import semivisible as sv


def test_contract_session():
    # The contract's session, line for line.
    p = sv.benchmark(m_aprime=0.3, epsilon=5e-3)
    assert (p.alpha_dark, p.mass_ratio) == (0.1, pytest.approx(3.0))
    assert p.splitting_ratio == pytest.approx(0.4)
    p = sv.Parameters(m_aprime=0.3, epsilon=5e-3, alpha_dark=0.1, m_chi1=0.1, m_chi2=0.14)
    assert sv.chi2_width_exact(p) > 0
    assert sv.chi2_proper_decay_length(p) > 0
    band = sv.gm2_band(0.1)
    assert band.low_2sigma < band.central < band.high_2sigma

    exp = sv.experiment("na64-2016-2018")
    assert "na64-2016-2018" in sv.experiments()

    y = sv.yield_model(p, exp, model="semivisible")
    n = y.events(np.geomspace(1e-5, 1e-2, 1000))
    assert isinstance(n, np.ndarray) and n.shape == (1000, len(y.region_names))
    assert y.region_names == ["S1", "S2"]

    r = sv.cls_upper_limit(observed=[0, 0], background=[0.19, 0.53],
                           background_uncertainty=[0.07, 0.17], signal=[0.3, 0.7], cl=0.9,
                           method="exact")
    assert r.status == "ok" and r.mu_upper > 0 and r.signal_upper == pytest.approx(r.mu_upper)

    s = sv.scan(plane="maprime-epsilon", experiment=exp, model="semivisible", points=8)
    assert isinstance(s.x, np.ndarray) and isinstance(s.lower, np.ndarray)
    assert isinstance(s.upper, np.ndarray) and isinstance(s.status, list)
    assert all(isinstance(t, str) for t in s.status)
    assert len(s.x) == len(s.lower) == len(s.upper) == len(s.status) >= 8


def stub_names():
    """Module-level names and per-class member names declared in the stub."""
    path = os.path.join(os.path.dirname(sv.__file__), "__init__.pyi")
    tree = ast.parse(open(path, encoding="utf-8").read())
    names, members = set(), {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        if isinstance(node, ast.ClassDef):
            m = set()
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    m.add(item.name)
                elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    m.add(item.target.id)
            members[node.name] = m
    return {n for n in names if not n.startswith("_")} | {"__version__"}, members


def public(obj):
    return {n for n in dir(obj) if not n.startswith("_")}


def test_stub_lists_every_public_name():
    names, members = stub_names()
    module = public(sv) - {"annotations"}
    assert module - names == set(), "in the module but not in the stub"
    assert names - module - {"__version__"} == set(), "in the stub but not in the module"
    for cls in (getattr(sv, n) for n in sorted(module) if inspect.isclass(getattr(sv, n))):
        have = public(cls)
        declared = {m for m in members[cls.__name__] if not m.startswith("_")}
        assert have - declared == set(), f"{cls.__name__}: members missing from the stub"
        assert declared - have == set(), f"{cls.__name__}: stub members not in the module"


def test_everything_has_a_docstring():
    for name in sorted(public(sv)):
        obj = getattr(sv, name)
        if callable(obj):
            assert obj.__doc__ and obj.__doc__.strip(), name
        if inspect.isclass(obj):
            for member in sorted(public(obj)):
                attr = inspect.getattr_static(obj, member)
                doc = getattr(attr, "__doc__", None)
                assert doc and doc.strip(), f"{name}.{member}"


def test_all_is_the_public_names():
    assert set(sv.__all__) == public(sv._core)


def test_the_first_session_of_docs_python_md_runs():
    from conftest import source_dir
    text = open(os.path.join(source_dir(), "docs", "python.md"), encoding="utf-8").read()
    start = text.index("```python", text.index("## A first session")) + len("```python\n")
    code = text[start:text.index("```", start)]
    exec(compile(code, "docs/python.md", "exec"), {})  # noqa: S102 (our own documentation)
