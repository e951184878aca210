//! Other formats in and out: the "Import report" dialog shown before a converted file is
//! imported, "Map columns" for CSV files, and the "Export as" dialog. The conversions themselves run in the converter
//! worker (`ui::convert`).

mod export_as;
mod import_report;
mod map_columns;

pub use export_as::ExportAsButton;
pub use import_report::ImportReportDialog;
pub use map_columns::MapColumnsDialog;
