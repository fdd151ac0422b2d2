-- The public face for BI tools, Excel over ODBC, Python and the DuckDB CLI (views in sql/api/).
CREATE SCHEMA IF NOT EXISTS api;
