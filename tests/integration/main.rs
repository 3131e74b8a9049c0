//! The one integration-test binary: one module per area of the product.

mod cli;
