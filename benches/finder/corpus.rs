//! A deterministic stand-in for a large news corpus: sentences built from templates, names
//! (some with diacritics and particles), places and organisations, as a wire story reads.
//! The same seed always gives the same lines, so every run and every tool sees one input.

const PEOPLE: &[&str] = &[
    "Vladimir Putin",
    "Ahmad al-Sharaa",
    "Ahmed Al-Charaa",
    "Bashar al-Assad",
    "Recep Tayyip Erdoğan",
    "Dmitry Peskov",
    "Sergei Lavrov",
    "Donald Trump",
    "Emmanuel Macron",
    "Volodymyr Zelensky",
    "Benjamin Netanyahu",
    "Asaad al-Shaibani",
    "Antony Blinken",
    "Olaf Scholz",
    "Ursula von der Leyen",
    "Mohammed bin Salman",
    "Hakan Fidan",
    "Mazloum Abdi",
    "Geir Pedersen",
    "Samuel Ramani",
];
const PLACES: &[&str] = &[
    "Moscow",
    "Damascus",
    "Aleppo",
    "Idlib",
    "Latakia",
    "the Hmeimim air base",
    "Khmeimim",
    "Tartous",
    "Qamishli",
    "Ankara",
    "Washington",
    "Brussels",
    "Geneva",
    "Beirut",
    "Amman",
    "Baghdad",
    "Tehran",
    "Deir ez-Zor",
    "Raqqa",
    "the Euphrates valley",
];
const GROUPS: &[&str] = &[
    "the Kremlin",
    "the Syrian Democratic Forces",
    "the United Nations",
    "the European Union",
    "NATO",
    "the Islamic State group",
    "Hayat Tahrir al-Sham",
    "the Syrian Arab News Agency",
    "the State Department",
    "the International Crisis Group",
    "National Herald",
    "Mena Today",
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "warned",
    "insisted",
    "announced",
    "denied",
    "confirmed",
    "suggested",
    "stressed",
    "acknowledged",
];
const DAYS: &[&str] = &[
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "late on Friday",
    "over the weekend",
    "earlier this month",
    "in December 2024",
    "last year",
];
const TOPICS: &[&str] = &[
    "the future of Russia’s military bases",
    "reconstruction funding and sanctions relief",
    "the return of refugees from Lebanon and Turkey",
    "a ceasefire along the front lines in the north-east",
    "energy supplies and wheat deliveries",
    "the withdrawal of foreign forces",
    "security guarantees for minorities",
    "the prosecution of former officials",
    "a new constitution and elections",
    "debts owed to Moscow",
];
const TEMPLATES: &[&str] = &[
    "{P} {V} {D} that talks in {L} had focused on {T}.",
    "Speaking in {L}, {P} {V} that {G} would not accept {T}.",
    "{G} {V} {D} that {P} had travelled to {L} for talks on {T}.",
    "The meeting between {P} and {P} in {L} lasted more than three hours, {G} {V}.",
    "Officials in {L} {V} that the agreement on {T} was close, although {P} was more cautious.",
    "{P}’s visit to {L} came weeks after {G} {V} it would review {T}.",
    "According to {G}, about {N} people were displaced near {L} {D}.",
    "{P} {V} in an interview with {G} that {T} remained the priority.",
    "Analysts at {G} {V} that {P} was unlikely to give ground on {T}.",
    "Satellite images published {D} showed new construction at {L}, {G} {V}.",
    "“We are not going to leave,” {P} {V}, referring to {L}.",
    "The deal, worth about {N} million dollars, covers {T}, {G} {V}.",
];

/// SplitMix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// `count` lines: mostly sentences, one in twenty a bare name, place or organisation.
pub fn news_lines(count: usize) -> Vec<String> {
    let mut rng = Rng(0x005e_ed0f_9a7a_11a8);
    (0..count)
        .map(|i| {
            if i % 20 == 0 {
                let lists = [PEOPLE, PLACES, GROUPS];
                return rng.pick(lists[i / 20 % 3]).to_string();
            }
            let template = rng.pick(TEMPLATES);
            let mut line = String::with_capacity(template.len() + 80);
            let mut rest = template;
            while let Some(at) = rest.find('{') {
                line.push_str(&rest[..at]);
                let slot = &rest[at + 1..at + 2];
                match slot {
                    "P" => line.push_str(rng.pick(PEOPLE)),
                    "L" => line.push_str(rng.pick(PLACES)),
                    "G" => line.push_str(rng.pick(GROUPS)),
                    "V" => line.push_str(rng.pick(VERBS)),
                    "D" => line.push_str(rng.pick(DAYS)),
                    "T" => line.push_str(rng.pick(TOPICS)),
                    _ => line.push_str(&(rng.next() % 9000 + 100).to_string()),
                }
                rest = &rest[at + 3..];
            }
            line.push_str(rest);
            // Sentences start with a capital even after a lower-case "the …" slot.
            let mut chars = line.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => line,
            }
        })
        .collect()
}
