"""The store's schema, as numbered migrations.

Each migration runs once, in order, inside a transaction; the database's
``PRAGMA user_version`` records how far it got.  Never edit a released
migration: add a new one.
"""

MIGRATIONS: list[str] = [
    # 1: runs, sites, pages (with their snapshot) and findings
    """
    CREATE TABLE runs (
        id               INTEGER PRIMARY KEY,
        started_at       TEXT NOT NULL,
        finished_at      TEXT,
        status           TEXT NOT NULL,          -- running, finished, interrupted
        targets_file     TEXT,
        settings_json    TEXT NOT NULL,          -- the run settings as used
        tool_version     TEXT NOT NULL,
        axe_version      TEXT,
        axe_path         TEXT,
        browser_version  TEXT,
        versions_json    TEXT NOT NULL DEFAULT '{}'  -- python, playwright, platform
    );
    CREATE TABLE sites (
        run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        site_id       TEXT NOT NULL,
        name          TEXT NOT NULL,
        url           TEXT NOT NULL,
        level         TEXT,
        province      TEXT,
        nis_code      TEXT,
        tags_json     TEXT NOT NULL DEFAULT '[]',
        url_verified  INTEGER NOT NULL DEFAULT 1,
        status        TEXT NOT NULL DEFAULT 'pending',  -- pending, audited, failed
        reason        TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (run_id, site_id)
    );
    CREATE TABLE pages (
        id            INTEGER PRIMARY KEY,
        run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        site_id       TEXT NOT NULL,
        url           TEXT NOT NULL,
        final_url     TEXT NOT NULL DEFAULT '',
        depth         INTEGER NOT NULL DEFAULT 0,
        state         TEXT NOT NULL,            -- audited, failed
        reason        TEXT NOT NULL DEFAULT '',
        http_status   INTEGER,
        title         TEXT NOT NULL DEFAULT '',
        lang          TEXT NOT NULL DEFAULT '',
        audited_at    TEXT NOT NULL,
        snapshot      BLOB,                     -- zlib-compressed JSON of the PageSnapshot
        UNIQUE (run_id, site_id, url)
    );
    CREATE TABLE findings (
        id           INTEGER PRIMARY KEY,
        run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        site_id      TEXT NOT NULL,
        page_id      INTEGER REFERENCES pages(id) ON DELETE CASCADE,  -- NULL for site-level findings
        rule_id      TEXT NOT NULL,
        engine       TEXT NOT NULL,
        criteria     TEXT NOT NULL DEFAULT '',  -- comma-separated WCAG numbers
        impact       TEXT,
        outcome      TEXT NOT NULL,             -- failed, cantTell
        page_url     TEXT NOT NULL,
        selector     TEXT NOT NULL DEFAULT '',
        snippet      TEXT NOT NULL DEFAULT '',
        message      TEXT NOT NULL DEFAULT '',
        help_url     TEXT NOT NULL DEFAULT '',
        fingerprint  TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX findings_run_site ON findings (run_id, site_id);
    CREATE INDEX findings_fingerprint ON findings (fingerprint);
    CREATE INDEX pages_run_site ON pages (run_id, site_id);
    """,
    # 2: linked documents (PDF, DOCX, ...), fetched once per site: the DocumentFacts as JSON
    """
    CREATE TABLE documents (
        run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        site_id      TEXT NOT NULL,
        url          TEXT NOT NULL,
        kind         TEXT NOT NULL,             -- pdf, docx, odt, xlsx, ...
        linked_from  TEXT NOT NULL DEFAULT '',  -- the first audited page that links to it
        state        TEXT NOT NULL,             -- analysed, not-analysed, skipped, failed
        facts_json   TEXT NOT NULL,             -- the DocumentFacts
        PRIMARY KEY (run_id, site_id, url)
    );
    """,
    # 3: the score of each site in each run, kept when a run's pages and findings are pruned,
    #    so trends reach back further than the retention of the details
    """
    CREATE TABLE site_scores (
        run_id           INTEGER NOT NULL,      -- no foreign key: outlives the run it summarises
        site_id          TEXT NOT NULL,
        started_at       TEXT NOT NULL,
        score            REAL,
        score_a          REAL,
        score_aa         REAL,
        failed_criteria  INTEGER NOT NULL,
        failed_findings  INTEGER NOT NULL,
        confidence       TEXT NOT NULL,
        pages_audited    INTEGER NOT NULL,
        PRIMARY KEY (run_id, site_id)
    );
    """,
    # 4: the sample (WCAG-EM): why each page was chosen, the seed of the random part and what
    #    discovery found per site (robots.txt, sitemaps, every address met, with its status)
    """
    ALTER TABLE pages ADD COLUMN chosen_for TEXT NOT NULL DEFAULT '';  -- comma-separated: home, statement, random...
    ALTER TABLE sites ADD COLUMN sample_seed INTEGER;
    ALTER TABLE sites ADD COLUMN discovery_json TEXT NOT NULL DEFAULT '{}';  -- robots, sitemaps, counts, limits hit
    CREATE TABLE discovered (
        run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        site_id      TEXT NOT NULL,
        url          TEXT NOT NULL,
        final_url    TEXT NOT NULL DEFAULT '',
        depth        INTEGER NOT NULL DEFAULT 0,
        via          TEXT NOT NULL DEFAULT '',   -- start, listed, link, sitemap, search-form, rendered
        kind         TEXT NOT NULL,              -- page, document, failed, skipped, duplicate
        http_status  INTEGER,
        content_type TEXT NOT NULL DEFAULT '',
        reason       TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (run_id, site_id, url)
    );
    """,
    # 5: resuming a run that was killed: every page a site's run means to visit, in visit order,
    #    and what the crawl of the site needs besides (hosts, documents found, spare random pages)
    """
    ALTER TABLE sites ADD COLUMN plan_json TEXT;  -- written with the sample, in one transaction
    CREATE TABLE planned (
        run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        site_id     TEXT NOT NULL,
        url         TEXT NOT NULL,
        depth       INTEGER NOT NULL DEFAULT 0,
        chosen_for  TEXT NOT NULL DEFAULT '',
        position    INTEGER NOT NULL,           -- place in the visit order
        PRIMARY KEY (run_id, site_id, url)
    );
    """,
    # 6: incremental runs: the validators of each page's HTML as discovery fetched it, and the run
    #    whose results a page carries when it did not change since
    """
    ALTER TABLE runs ADD COLUMN incremental INTEGER NOT NULL DEFAULT 0;  -- 1: unchanged pages carried forward
    ALTER TABLE discovered ADD COLUMN etag TEXT NOT NULL DEFAULT '';
    ALTER TABLE discovered ADD COLUMN last_modified TEXT NOT NULL DEFAULT '';
    ALTER TABLE discovered ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';  -- sha256 of the HTML as served
    ALTER TABLE pages ADD COLUMN carried_from INTEGER;  -- the run that audited the page; NULL: audited in this run
    """,
    # 7: the time a site's run spent visiting pages so far, saved with each page: a resumed run counts it
    #    against max_site_seconds
    """
    ALTER TABLE sites ADD COLUMN visit_seconds REAL NOT NULL DEFAULT 0;
    """,
    # 8: incremental runs: the validators of the style sheets and scripts of a site's pages, fetched over
    #    plain HTTP once a run; a page whose HTML did not change is visited again when one of these did
    """
    CREATE TABLE resources (
        run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        site_id       TEXT NOT NULL,
        url           TEXT NOT NULL,
        etag          TEXT NOT NULL DEFAULT '',
        last_modified TEXT NOT NULL DEFAULT '',
        content_hash  TEXT NOT NULL DEFAULT '',  -- sha256 of the body; '' when it could not be fetched
        PRIMARY KEY (run_id, site_id, url)
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
