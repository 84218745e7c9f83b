// Extraction allocates many short strings (folded words, context stems); mimalloc serves them
// faster than the system allocator, on every thread count.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(factlint::cli::main());
}
