//! Unit tests of the PDF/X-4 step on small hand-made PDFs (the sample is tested in
//! tests/pdfx.rs).
