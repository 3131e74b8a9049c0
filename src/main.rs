fn main() {
    println!("authctl {}", env!("CARGO_PKG_VERSION"));
}
