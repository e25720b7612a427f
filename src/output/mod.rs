//! The outputs of a document, as one seam (as mdBook's renderers): each edition is one
//! [`Output`] that says how it is prepared (settings, colours, standards, substituted files),
//! produced (compile, export, post-processing — or no Typst at all), checked (its preflight)
//! and named. What an edition *is* is plain data in [`crate::edition`], low on the ladder; what
//! an output *does* is here, above the stages and below the session.

mod html;
pub mod images;
mod pdf;
pub mod pdfx;
pub mod print;
mod profiles;
mod screen;
mod seam;
mod typesetting;

use crate::edition::Edition;

pub use html::HtmlPage;
pub use images::ScreenImages;
pub use print::PrintPdf;
pub use profiles::OutputProfiles;
pub use screen::{SCREEN_STANDARDS, ScreenPdf};
pub use seam::{
    Context, Document, Files, Output, PdfPlan, Prepared, Produced, WebSettings, written_hash,
};
pub use typesetting::{
    LaidOut, Typesetting, lay_out, lay_out_checked, pdf_settings, publication_date,
};

/// The output of an edition.
pub fn of(edition: Edition) -> &'static dyn Output {
    match edition {
        Edition::Screen => &ScreenPdf,
        Edition::Print => &PrintPdf,
        Edition::Html => &HtmlPage,
    }
}
