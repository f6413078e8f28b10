"""counter-admin tariffs … end to end on a real database, as the DBA and as
an admin clerk's login; a clerk's login is refused."""

from __future__ import annotations

import json

from counter_app.cli import main
from tests.support.builders import make_reference

SCHEDULE = {
    "code": "RES-2026",
    "name": "居民生活用水(阶梯)",
    "category": "RES",
    "doc_no": "嘉价发〔2025〕12号",
    "effective_from": "2026-01-01",
    "tiers": [180, 300, None],
    "tier_basis": "annual",
    "households_scaling": True,
    "rates": {"basic": ["2.10", "3.15", "6.30"], "sewage": ["0.95"], "resource": ["0.40"]},
}


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _url(login) -> str:
    return login.engine.url.render_as_string(hide_password=False)


def test_tariffs_add_list_show_as_an_admin(db, db_url, login_as, tmp_path, capsys):
    with db.write() as s:
        make_reference(s)
    admin = _url(login_as("admin")[0])
    code, out, err = run(
        capsys,
        "--database-url",
        admin,
        "tariffs",
        "component",
        "resource_tax",
        "水资源税",
        "--no-relief",
        "--order",
        "25",
    )
    assert code == 0, err
    assert "resource_tax: 水资源税" in out
    path = tmp_path / "res-2026.json"
    path.write_text(json.dumps(SCHEDULE, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "--database-url", admin, "tariffs", "add", str(path))
    assert code == 0, err
    assert "RES-2026 (嘉价发〔2025〕12号) saved" in out
    later = dict(
        SCHEDULE,
        code="RES-2027",
        doc_no="嘉价发〔2026〕3号",
        effective_from="2027-01-01",
        rates={"basic": ["2.30", "3.45", "6.90"], "resource_tax": ["0.50"]},
    )
    path.write_text(json.dumps(later, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "--database-url", admin, "--json", "tariffs", "add", str(path))
    assert code == 0, err
    assert json.loads(out)["ended"] == "RES-2026" and json.loads(out)["ended_on"] == "2026-12-31"
    # the DBA lists them (JSON), and shows one
    code, out, err = run(capsys, "--database-url", db_url, "tariffs", "list", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert [(s["code"], s["doc_no"], s["effective_to"]) for s in data["schedules"]] == [
        ("RES-2026", "嘉价发〔2025〕12号", "2026-12-31"),
        ("RES-2027", "嘉价发〔2026〕3号", None),
    ]
    code, out, err = run(capsys, "--database-url", db_url, "tariffs", "show", "RES-2027")
    assert code == 0, err
    assert "文号        嘉价发〔2026〕3号" in out and "水资源税 (resource_tax): 0.50" in out
    code, out, err = run(capsys, "--database-url", db_url, "tariffs", "list")
    assert code == 0 and "RES-2027" in out and "2027-01-01 – …" in out


def test_a_bad_file_names_the_field_and_writes_nothing(db, db_url, login_as, tmp_path, capsys):
    with db.write() as s:
        make_reference(s)
    admin = _url(login_as("admin")[0])
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(dict(SCHEDULE, tiers=[300, 180, None])), encoding="utf-8")
    code, _, err = run(capsys, "--database-url", admin, "tariffs", "add", str(path))
    assert code == 1 and "tiers[2]: a whole number of m³ above the tier before" in err
    path.write_text("{ not json", encoding="utf-8")
    code, _, err = run(capsys, "--database-url", admin, "tariffs", "add", str(path))
    assert code == 1 and "file: not JSON (line 1" in err
    code, _, err = run(capsys, "--database-url", admin, "tariffs", "show", "NOPE")
    assert code == 1 and "no schedule NOPE" in err
    # a clerk cannot save a schedule
    clerk = _url(login_as("clerk")[0])
    path.write_text(json.dumps(SCHEDULE), encoding="utf-8")
    code, _, err = run(capsys, "--database-url", clerk, "tariffs", "add", str(path))
    assert code == 1 and "refused (privilege)" in err
    code, out, _ = run(capsys, "--database-url", db_url, "--json", "tariffs", "list")
    assert json.loads(out)["schedules"] == []
