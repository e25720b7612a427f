//! `mgi-press i18n export` and `i18n import`: XLIFF 1.2 and PO exchange files.

use super::CmdResult;
use super::args::{I18nExportArgs, I18nImportArgs};
use mgi_press::diagnostics::Diagnostic;

pub fn export(_args: I18nExportArgs) -> CmdResult {
    Err(vec![Diagnostic::error("i18n export is being written")])
}

pub fn import(_args: I18nImportArgs) -> CmdResult {
    Err(vec![Diagnostic::error("i18n import is being written")])
}
