"""What is particular to a store in PostgreSQL: the schema version, migrating from several machines."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from a11y_audit.store.postgres import without_password
from a11y_audit.store.schema import SCHEMA_VERSION
from a11y_audit.store.sqlite import Store, StoreError


def test_migrations_run_once_also_when_several_processes_open_a_new_database(postgres_url):
    with ThreadPoolExecutor(4) as pool:
        stores = list(pool.map(lambda _: Store(postgres_url), range(4)))
    versions = stores[0].db.execute("SELECT version FROM schema_version").fetchall()
    assert [v[0] for v in versions] == [SCHEMA_VERSION]
    run_a = stores[1].start_run({}, None, "0", {})
    run_b = stores[2].start_run({}, None, "0", {})
    assert (run_a, run_b) == (1, 2) and [r.id for r in stores[3].runs()] == [1, 2]
    for store in stores:
        store.close()


def test_a_database_of_a_newer_version_is_refused(postgres_url):
    Store(postgres_url).close()
    with Store(postgres_url) as store:
        store.db.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="newer"):
        Store(postgres_url)


def test_rows_are_listed_in_the_order_they_were_stored(postgres_url):
    with Store(postgres_url) as store:
        run_id = store.start_run({}, None, "0", {})
        urls = [f"https://a.be/{name}" for name in ("z", "a", "m", "b")]
        store.set_discovery(run_id, "a", 1, {}, [{"url": u, "kind": "page"} for u in urls])
        assert [d.url for d in store.discovered(run_id, "a")] == urls


def test_the_password_is_not_shown():
    assert without_password("postgresql://audit:geheim@db.example/a11y") == "postgresql://audit:***@db.example/a11y"
    assert without_password("postgresql://audit@db.example/a11y") == "postgresql://audit@db.example/a11y"
