//! Fault tests: the real binary against full disks, read-only files,
//! crashes and a shared database.

mod crash;
mod disk;
mod shared_file;
