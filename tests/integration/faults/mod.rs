//! Fault tests: the real binary against full disks, read-only files,
//! crashes (on both backends), a shared database, and a PostgreSQL database
//! stopped under load.

mod crash;
mod disk;
mod postgres;
mod shared_file;
