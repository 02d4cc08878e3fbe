//! The built-in corpus: the five seed articles, compiled into the binary.

/// (file name, text) of each seed, in file-name order.
pub const SEEDS: [(&str, &str); 5] = [
    (
        "000_e177be1acd7e491d.txt",
        include_str!("../../seeds/000_e177be1acd7e491d.txt"),
    ),
    (
        "001_324305b4babd908a.txt",
        include_str!("../../seeds/001_324305b4babd908a.txt"),
    ),
    (
        "002_2b991b88b87f9c05.txt",
        include_str!("../../seeds/002_2b991b88b87f9c05.txt"),
    ),
    (
        "003_edc46c316052d309.txt",
        include_str!("../../seeds/003_edc46c316052d309.txt"),
    ),
    (
        "004_34d353faf6834925.txt",
        include_str!("../../seeds/004_34d353faf6834925.txt"),
    ),
];
