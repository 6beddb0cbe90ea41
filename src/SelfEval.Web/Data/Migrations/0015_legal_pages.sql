-- The pages a public body's site must have (Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit), as the
-- service office wrote them in Markdown. A page without a row shows the shipped default text (Legal/Defaults/).
CREATE TABLE legal_pages (
    page       TEXT PRIMARY KEY CHECK (page IN ('impressum', 'datenschutz', 'barrierefreiheit')),
    markdown   TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
