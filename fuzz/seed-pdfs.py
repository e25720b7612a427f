#!/usr/bin/env python3
"""Writes small PDF seeds for the `preflight` and `diff_pdf` fuzz targets into the folder given.

Each seed exercises a part of the readers: text with a standard font, a Type0 font, DeviceRGB,
DeviceCMYK, ICCBased and Separation colour, an image placed by a scaled form, a PDF/X output
intent with boxes, a tagged screen file with XMP, compressed content, and a cross-reference
stream with an object stream (PDF 1.5). Written by hand (no PDF library is needed to seed a
fuzzer, and the byte offsets of the xref table are what a mutation should disturb).
"""

import hashlib
import os
import sys
import zlib


def stream(data, extra=b"", compress=False):
    if compress:
        data = zlib.compress(data)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(data), extra, data)


def pdf(objects, root=1, version=b"1.6", info=None):
    """A classic PDF: `objects` are the bodies of objects 1..n, then an xref table."""
    out = b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    trailer = b"/Size %d /Root %d 0 R" % (len(objects) + 1, root)
    if info:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref)
    return out


def icc_profile():
    """A small v2 CMYK output profile header with a `desc` tag (as the ICC seeds have)."""
    desc = b"desc\0\0\0\0" + (14).to_bytes(4, "big") + b"Coated FOGRA39\0" + b"\0" * 79
    body = bytearray(128)
    body[8] = 2
    body[12:16], body[16:20], body[20:24], body[36:40] = b"prtr", b"CMYK", b"Lab ", b"acsp"
    body += (1).to_bytes(4, "big") + b"desc" + (144).to_bytes(4, "big") + len(desc).to_bytes(4, "big")
    body += desc
    body[0:4] = len(body).to_bytes(4, "big")
    return bytes(body)


def simple_text():
    content = b"BT /F1 24 Tf 72 720 Td (Hello, world) Tj 0 -30 Td [(Kern) -200 (ed)] TJ ET"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ], version=b"1.4")


def print_file():
    """PDF/X-4-like: boxes, output intent, CMYK and RGB fills, an image in a scaled form."""
    page = (b"q 0 0 1 0 k 0 0 601 848 re f Q q 1 0 0 rg 10 10 100 100 re f Q"
            b" q /CS0 cs 0.5 scn 200 200 50 50 re f Q q 2 0 0 2 300 300 cm /Fm0 Do Q"
            b" BT /F1 12 Tf 72 700 Td <0001> Tj ET")
    form = b"q 72 0 0 72 0 0 cm /Im0 Do Q"
    image = bytes(range(192))
    xmp = (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
           b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description'
           b' xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/" pdfxid:GTS_PDFXVersion="PDF/X-4"/>'
           b'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>')
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R /OutputIntents [6 0 R] /Metadata 11 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 859] /BleedBox [3 3 609 856]"
        b" /TrimBox [11.5 11.5 600.5 847.5] /Contents 4 0 R /Resources << /ColorSpace"
        b" << /CS0 [/Separation /Spot /DeviceCMYK 8 0 R] >> /XObject << /Fm0 5 0 R >>"
        b" /Font << /F1 9 0 R >> >> >>",
        stream(page, compress=True),
        stream(form, b" /Type /XObject /Subtype /Form /BBox [0 0 72 72]"
               b" /Resources << /XObject << /Im0 7 0 R >> >>"),
        b"<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (FOGRA39)"
        b" /RegistryName (http://www.color.org) /DestOutputProfile 10 0 R >>",
        stream(image, b" /Type /XObject /Subtype /Image /Width 8 /Height 8"
               b" /ColorSpace [/ICCBased 10 0 R] /BitsPerComponent 8", compress=True),
        b"<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 1 0 0] /N 1 >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /NotoSans /Encoding /Identity-H"
        b" /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSans"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        b" /W [0 [500 600]] >>] >>",
        stream(icc_profile(), b" /N 4"),
        stream(xmp, b" /Type /Metadata /Subtype /XML"),
    ])


def screen_file():
    """Tagged, with language, title and a structure tree; a link annotation; Info."""
    content = b"/P << /MCID 0 >> BDC BT /F1 11 Tf 72 720 Td (Tagged text) Tj ET EMC"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R /Lang (en) /MarkInfo << /Marked true >>"
        b" /StructTreeRoot 6 0 R /ViewerPreferences << /DisplayDocTitle true >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /StructParents 0 /Annots [<< /Type /Annot /Subtype /Link /Rect [72 700 200 730]"
        b" /A << /S /URI /URI (https://example.org) >> >>]"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content, compress=True),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
        b"<< /Type /StructTreeRoot /K [7 0 R] /ParentTree << /Nums [0 [7 0 R]] >> >>",
        b"<< /Type /StructElem /S /P /P 6 0 R /Pg 3 0 R /K 0 >>",
        b"<< /Title (A screen file) /Producer (seed) >>",
    ], info=8, version=b"1.7")


def xref_stream_file():
    """PDF 1.5: page objects inside an object stream, found through a cross-reference stream."""
    head = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"
    objs = [b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R >>"]
    index, body = b"", b""
    for n, o in zip((2, 3), objs):
        index += b"%d %d " % (n, len(body))
        body += o + b"\n"
    objstm = stream(index + body, b" /Type /ObjStm /N 2 /First %d" % len(index), compress=True)
    out = head
    offsets = {}
    for n, o in ((1, b"<< /Type /Catalog /Pages 2 0 R >>"), (4, stream(b"0 0 1 rg 10 10 50 50 re f")),
                 (5, objstm)):
        offsets[n] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (n, o)
    xref_at = len(out)
    rows = [b"\x00\x00\x00\x00", b"\x01" + offsets[1].to_bytes(2, "big") + b"\x00",
            b"\x02\x00\x05\x00", b"\x02\x00\x05\x01", b"\x01" + offsets[4].to_bytes(2, "big") + b"\x00",
            b"\x01" + offsets[5].to_bytes(2, "big") + b"\x00", b"\x01" + xref_at.to_bytes(2, "big") + b"\x00"]
    xref = stream(b"".join(rows), b" /Type /XRef /Size 7 /W [1 2 1] /Root 1 0 R")
    out += b"6 0 obj\n%s\nendobj\nstartxref\n%d\n%%%%EOF\n" % (xref, xref_at)
    return out


def two_pages_with_inheritance():
    """Two pages inheriting MediaBox and Resources from a nested page tree, one rotated."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 2 /MediaBox [0 0 400 600]"
        b" /Resources << /Font << /F1 6 0 R >> >> >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [4 0 R 5 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 3 0 R /Contents 7 0 R >>",
        b"<< /Type /Page /Parent 3 0 R /Rotate 90 /Contents [7 0 R 8 0 R] >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
        stream(b"BT /F1 10 Tf 20 500 Td (Page text) Tj T* (more) ' ET"),
        stream(b"0.2 g 0 0 m 100 100 l 200 0 l h f 1 w [3] 0 d 10 10 m 300 300 l S"),
    ])


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for make in (simple_text, print_file, screen_file, xref_stream_file, two_pages_with_inheritance):
        data = make()
        with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
