//! Tests for the CSV reader, importer and writer.
