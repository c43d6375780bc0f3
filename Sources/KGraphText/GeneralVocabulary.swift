/// General English vocabulary that no data file here lists: titles, role nouns and the
/// function words the rules look at. None of it names an entity.
public enum GeneralVocabulary {
    /// Titles that stand before a person's name, lowercased, longest first where they nest.
    /// Multi-word titles are matched token by token.
    public static let titles: [[String]] = [
        ["prime", "minister"], ["deputy", "prime", "minister"], ["foreign", "minister"], ["defence", "minister"],
        ["defense", "minister"], ["finance", "minister"], ["interior", "minister"], ["health", "minister"],
        ["foreign", "secretary"], ["home", "secretary"], ["defence", "secretary"], ["defense", "secretary"],
        ["secretary", "of", "state"], ["secretary", "general"], ["secretary-general"], ["vice", "president"],
        ["vice-president"], ["crown", "prince"], ["supreme", "leader"], ["attorney", "general"],
        ["national", "security", "adviser"], ["national", "security", "advisor"], ["security", "adviser"],
        ["chief", "executive"], ["special", "envoy"], ["opposition", "leader"], ["high", "commissioner"],
        ["president"], ["premier"], ["chancellor"], ["minister"], ["secretary"], ["king"], ["queen"],
        ["prince"], ["princess"], ["emperor"], ["sultan"], ["emir"], ["sheikh"], ["ayatollah"], ["pope"],
        ["senator"], ["sen"], ["rep"], ["representative"], ["congressman"], ["congresswoman"], ["governor"],
        ["gov"], ["mayor"], ["ambassador"], ["envoy"], ["general"], ["gen"], ["admiral"], ["colonel"], ["col"],
        ["lieutenant"], ["lt"], ["captain"], ["capt"], ["major"], ["commander"], ["judge"], ["justice"],
        ["spokesman"], ["spokeswoman"], ["spokesperson"], ["chairman"], ["chairwoman"], ["director"],
        ["dr"], ["doctor"], ["professor"], ["prof"], ["mr"], ["mrs"], ["ms"], ["miss"], ["sir"], ["dame"],
        ["lord"], ["lady"], ["rev"], ["reverend"], ["archbishop"], ["bishop"], ["cardinal"], ["rabbi"], ["imam"],
        ["leader"], ["ceo"], ["chief"], ["counsel"], ["adviser"], ["advisor"], ["sheik"], ["sheikh"], ["commissioner"],
    ]

    /// Forms of address that stand before a name as titles do ("His Excellency Mr. X"); the
    /// recognizer reads them with `titles` (the NER model's features and training use `titles` alone).
    public static let addressTitles: [[String]] = [["his", "excellency"], ["her", "excellency"], ["excellency"], ["excellencies"]]

    /// Councils' and armies' ranks before a name, read by the recognizer as titles ("State
    /// Councilor Tang Jiaxuan", "Staff Sergeant X", "Specialist X"); not among `titles`, which the
    /// NER model's features read.
    public static let rankTitles: [[String]] = [
        ["state", "councilor"], ["councilor"], ["councillor"], ["staff", "sergeant"], ["sergeant"], ["sgt"],
        ["corporal"], ["cpl"], ["specialist"], ["brigadier"], ["field", "marshal"], ["marshal"], ["president-elect"],
    ]

    /// Titles of several words as one ("secretarygeneral", "primeminister"): text copied out of
    /// PDF files loses the space or hyphen.
    public static let runTogetherTitles: Set<String> = Set(titles.filter { $0.count > 1 }.map { $0.joined() })

    /// The titles of one word ("president", "minister"), for set lookups.
    public static let oneWordTitles: Set<String> = Set(titles.filter { $0.count == 1 }.map { $0[0] })

    /// Titles that go before a given name alone ("Pope Francis", "King Abdullah", "Queen
    /// Elizabeth"): with one word after them, the title is part of what the person is called,
    /// and the word is no surname to join to another person's full name.
    public static let givenNameTitles: Set<String> = ["pope", "king", "queen", "prince", "princess", "emperor", "empress", "sultan", "emir"]

    /// Titles that say nothing of an office, so they give no "X of Y" relation.
    public static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady", "dr", "doctor", "professor", "prof",
        "rev", "reverend", "sheik", "sheikh", "his excellency", "her excellency", "excellency", "excellencies", "he",
    ]

    /// Role nouns for appositions and copulas: "X, head of Y", "X is the foreign minister of Y".
    public static let roleNouns: Set<String> = [
        "head", "chief", "leader", "president", "minister", "secretary", "ambassador", "envoy", "spokesman",
        "spokeswoman", "spokesperson", "director", "chairman", "chairwoman", "chair", "founder", "co-founder",
        "ceo", "commander", "governor", "mayor", "member", "king", "queen", "prince", "premier", "chancellor",
        "representative", "adviser", "advisor", "general", "editor", "owner", "citizen", "official", "officer",
        "coach", "captain", "manager", "executive", "deputy", "aide", "counsel", "judge", "senator", "ruler",
        "commissioner", "candidate", "diplomat", "dictator", "lawmaker", "legislator", "agent", "operative",
        "mediator", "statesman",
    ]

    /// The last words of a city's or a province's offices: "Lahore police chief", "Texas governor".
    public static let placeOffices: Set<String> = ["mayor", "governor", "chief", "head", "commissioner", "commander"]

    /// First words of the offices and agents of a state, for a capital that stands for its state
    /// ("Seoul's foreign minister", "Moscow's troops"); a city's own offices (mayor, council) are
    /// not among them.
    public static let stateAgentWords: Set<String> = [
        "president", "vice", "prime", "premier", "chancellor", "minister", "foreign", "defence", "defense", "finance",
        "interior", "secretary", "king", "queen", "crown", "emperor", "sultan", "emir", "supreme", "ambassador",
        "envoy", "diplomat", "diplomats", "negotiator", "negotiators", "government", "regime", "leadership",
        "military", "army", "navy", "troops", "forces", "soldiers", "warplanes", "missiles",
    ]

    /// A state's agents, which a demonym before them makes the state's: "Iraqi forces", "the French
    /// government", "Chinese officials" (not "a Lebanese lawmaker", "Pakistani investors").
    public static let stateAgentNouns: Set<String> = [
        "government", "governments", "regime", "leadership", "administration", "authorities", "authority",
        "official", "officials", "military", "army", "navy", "troops", "forces", "force", "soldiers", "police",
        "warplanes", "jets", "warships", "missiles", "diplomats", "negotiators", "delegation", "envoys",
    ]

    /// Nouns of a part or a number of what follows "of": "a series of bombings", "a new round of talks".
    public static let partitiveNouns: Set<String> = [
        "series", "round", "wave", "spate", "string", "number", "couple", "handful", "pair", "rash", "flurry",
        "host", "set", "part",
        // And spans of time: "two days of talks", "months of negotiations".
        "hour", "day", "week", "month", "year",
    ]

    /// Nouns of kinship, whose "of" names a person: "the widow of Rajiv Gandhi".
    public static let kinshipNouns: Set<String> = [
        "widow", "widower", "wife", "husband", "spouse", "son", "daughter", "father", "mother", "brother", "sister",
        "nephew", "niece", "uncle", "aunt", "cousin", "grandson", "granddaughter", "grandfather", "grandmother",
        "son-in-law", "daughter-in-law", "brother-in-law", "sister-in-law", "stepson", "stepdaughter", "stepfather",
        "stepmother", "fiancee", "fiance", "heir", "parent", "child", "grandchild",
    ]

    /// Tokens that mark a possessive after a name: "Iran's", "Hamas'".
    public static let possessiveMarkers: Set<String> = ["'s", "’s", "'", "’"]

    /// Nouns of a place inside a larger one: "the Baghdad district of Sadr City".
    public static let subdivisionNouns: Set<String> = [
        "city", "cities", "town", "towns", "village", "villages", "district", "districts", "region", "regions",
        "province", "provinces", "county", "counties", "state", "states", "area", "areas", "suburb", "suburbs",
        "neighborhood", "neighbourhood", "capital", "port", "republic", "settlement", "settlements", "resort",
        "enclave", "territory", "island", "municipality", "prefecture", "governorate",
    ]

    /// Last words that make a capitalized phrase a place: buildings, landmarks, features.
    public static let placeHeads: Set<String> = [
        "house", "palace", "square", "street", "avenue", "road", "airport", "bridge", "hall", "tower",
        "castle", "cathedral", "church", "mosque", "temple", "stadium", "island", "islands", "river",
        "mountain", "mountains", "mount", "lake", "sea", "ocean", "gulf", "bay", "strait", "valley", "desert",
        "province", "region", "county", "district", "state", "city", "port", "harbour", "harbor", "canal",
        "peninsula", "coast", "base", "camp", "park", "plaza", "center", "centre", "building", "embassy",
        "border", "crossing", "heights", "strip", "bank", "corridor", "basin",
    ]

    /// Lower-case nouns after the name of a state's division: "Helmand province", "Abia state".
    public static let divisionNouns: Set<String> = [
        "province", "state", "region", "district", "county", "governorate", "prefecture", "municipality", "oblast",
    ]

    /// Lower-case words for the part of a place: "southern Sudan", "northeastern Nigeria".
    public static let compassWords: Set<String> = [
        "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
        "southwestern", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    ]

    /// Last words that make a capitalized phrase an event.
    public static let eventHeads: Set<String> = [
        "summit", "conference", "war", "games", "olympics", "cup", "election", "elections", "forum",
        "agreement", "accord", "accords", "treaty", "talks", "festival", "championship", "open", "revolution",
        "crisis", "assembly", "meeting", "congress", "convention", "protests", "uprising", "offensive",
        "operation", "massacre", "attack", "attacks", "ceasefire", "truce", "referendum", "debate", "expo",
        "hurricane", "typhoon", "earthquake", "storm", "cyclone", "day",
    ]

    /// Event heads that no organization or place ends in: a run the tagger took for a place or an
    /// organization that ends in one is an event ("Earth Day", "the Beijing Olympics"), unlike
    /// "General Assembly" or "National Congress".
    public static let plainEventHeads: Set<String> = [
        "summit", "war", "games", "olympics", "election", "elections", "agreement", "accord", "accords", "treaty",
        "talks", "festival", "championship", "revolution", "uprising", "massacre", "ceasefire", "truce", "referendum",
        "earthquake", "day",
    ]

    /// Words before a storm's given name: "Hurricane Katrina", "Tropical Storm Alberto".
    public static let stormWords: Set<String> = ["hurricane", "typhoon", "cyclone", "storm"]

    /// Nouns that, after "A-B" of two states, name their dealings: "US-Ukrainian relations".
    public static let dealingNouns: Set<String> = [
        "relations", "ties", "talks", "trade", "cooperation", "relationship", "dialogue", "negotiations",
        "agreement", "deal", "tensions", "summit", "border", "alliance", "partnership", "conflict", "war",
    ]

    /// Lower-case particles inside a person's name before the family name ("Ursula von der
    /// Leyen", "Lula da Silva", "Jaap de Hoop Scheffer").
    public static let surnameParticles: Set<String> = [
        "von", "van", "der", "den", "de", "da", "do", "dos", "das", "di", "du", "del", "della", "dei", "des", "le", "la",
        "bin", "ibn", "ter", "ten", "zu",
    ]

    /// Particles joined to the next part of a name by a hyphen: "al-Sadr", "el-Sisi", "bin-Nayef".
    public static let hyphenedNameParticles: Set<String> = ["al", "el", "ad", "ash", "as", "at", "az", "ar", "an", "bin", "ibn", "abu"]

    /// Words that begin or join a capitalized name without being capitalized themselves.
    public static let nameConnectors: Set<String> = [
        "of", "the", "for", "and", "de", "du", "da", "al", "el", "bin", "ibn", "bint", "ben", "van", "von", "der", "la", "le",
        "del", "di", "dos", "das",
    ]

    /// Last words of a body of water: a place "of" one lies on it, not in it ("the Red Sea resort of
    /// Sharm el-Sheikh").
    public static let waterHeads: Set<String> = ["sea", "ocean", "gulf", "bay", "river", "lake", "strait", "canal", "coast"]

    /// Days and months: news puts them right after names ("travels to Tokyo Wednesday"), where a
    /// recognizer may take them into the name.
    public static let dayAndMonthNames: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    public static let determiners: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
        "your", "another", "some", "any", "each", "every", "no",
    ]

    public static let copulas: Set<String> = ["is", "are", "was", "were", "be", "been", "being", "'s", "’s"]

    public static let prepositions: Set<String> = [
        "in", "at", "on", "with", "to", "from", "for", "against", "into", "over", "by", "about", "across",
        "toward", "towards", "near", "through", "under", "between", "among", "during", "of", "after", "before",
        "outside", "inside", "within", "around", "without", "upon", "onto", "via", "behind", "beyond",
    ]

    public static let personPronouns: Set<String> = ["he", "she", "him", "her", "his", "hers"]

    /// Function words: never the first word of a name.
    public static let functionWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "as", "at", "by", "for", "from", "in", "into", "of", "on",
        "to", "with", "without", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
        "i", "you", "his", "her", "their", "our", "my", "your", "there", "here", "when", "where", "while",
        "during", "despite", "since", "after", "before", "meanwhile", "however", "although", "though",
        "because", "so", "yet", "also", "then", "than", "not", "no", "yes", "all", "some", "many", "most",
        "more", "each", "every", "both", "either", "neither", "what", "which", "who", "whom", "whose", "why",
        "how", "over", "under", "about", "against", "between", "among", "across", "through", "until",
        "unless", "upon", "within", "amid", "amidst", "following", "according",
    ]
}
