from __future__ import annotations

import json

import pytest

from counter_app.settings import Settings, SettingsError, SettingsStore, strip_password


def test_defaults_use_the_embedded_database(tmp_path):
    store = SettingsStore(tmp_path / "s.json", environ={})
    settings = store.load()
    assert settings.is_embedded and settings.database_url == ""
    assert settings.language == "zh_CN"


@pytest.mark.parametrize("url", ["sqlite:///counter.sqlite3", "mysql://db/counter"])
def test_other_engines_are_refused_naming_the_supported_choices(tmp_path, url):
    with pytest.raises(SettingsError) as refused:
        Settings(database_url=url)
    assert refused.value.field == "database_url"
    assert "PostgreSQL" in str(refused.value) and "postgresql://" in str(refused.value)
    assert "this computer" in str(refused.value)


def test_save_and_load_round_trip(tmp_path):
    store = SettingsStore(tmp_path / "s.json", environ={})
    saved = store.load().with_changes(
        database_url="postgresql://db.example/counter", workstation="窗口3", paper_width_mm=58
    )
    store.save(saved)
    assert store.load() == saved
    assert not saved.is_embedded


def test_environment_url_wins_and_loses_its_password(tmp_path):
    store = SettingsStore(
        tmp_path / "s.json",
        environ={"COUNTER_DATABASE_URL": "postgresql://clerk:secret@db/counter"},
    )
    settings = store.load()
    assert "secret" not in settings.database_url
    assert settings.database_url == "postgresql://clerk@db/counter"


def test_no_password_is_ever_written(tmp_path):
    with pytest.raises(SettingsError) as info:
        Settings(database_url="postgresql://a:b@h/d")
    assert info.value.field == "database_url"


@pytest.mark.parametrize(
    ("field", "value"),
    [("language", "fr"), ("paper_width_mm", 72), ("receipt_copies", 0), ("workstation", " ")],
)
def test_bad_values_name_the_field(field, value):
    with pytest.raises(SettingsError) as info:
        Settings(**{field: value})
    assert info.value.field == field


def test_unknown_keys_in_the_file_are_ignored_and_bad_json_is_reported(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"language": "en", "old_key": 1}), encoding="utf-8")
    assert SettingsStore(path, environ={}).load().language == "en"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        SettingsStore(path, environ={}).load()
    assert info.value.field == "file"


def test_strip_password_keeps_everything_else():
    assert strip_password("postgresql://u:p@h:5433/d?sslmode=verify-full") == (
        "postgresql://u@h:5433/d?sslmode=verify-full"
    )


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://h/d?password=s3cret",
        "postgresql://u:s3cret@h/d?sslmode=verify-full",
        "postgresql://h/d?sslpassword=s3cret&sslmode=verify-full",  # require: refused to a remote host
    ],
)
def test_no_password_form_reaches_the_settings_file(tmp_path, url):
    store = SettingsStore(tmp_path / "s.json", environ={"COUNTER_DATABASE_URL": url})
    settings = store.load()
    store.save(settings)
    assert "s3cret" not in (tmp_path / "s.json").read_text(encoding="utf-8")
    assert "s3cret" not in settings.database_url
    with pytest.raises(SettingsError):
        Settings(database_url=url)
