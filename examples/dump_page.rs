fn main() {
    let args: Vec<String> = std::env::args().collect();
    let s = mgi_press::Session::open(std::path::Path::new("."), "mgi").unwrap();
    let c = s.load(std::path::Path::new(&args[1]));
    let p = c.profile.unwrap();
    let (vm, _) = s.resolve(&p, &args[2], false);
    let doc = s
        .compile(&p, &vm.unwrap())
        .unwrap_or_else(|d| panic!("{}", mgi_press::diagnostics::render_all(&d)));
    let page: usize = args[3].parse().unwrap();
    for pg in mgi_press::inspect::pages(&doc.document) {
        if pg.number == page {
            for r in &pg.runs {
                println!("{:7.1} {:7.1} {:5.1} {:?}", r.x, r.y, r.size, r.text);
            }
        }
    }
}
