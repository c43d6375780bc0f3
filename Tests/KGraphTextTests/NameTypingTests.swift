import Testing
import KGraphModel
@testable import KGraphText

/// What the recognizer makes of names the tagger typed wrongly or cut up, and of words that are no
/// names, on invented sentences in the style of speeches and news (none from the seed or the gold
/// sets), through the trained pipeline.
@Suite struct NameTypingTests {
    private func spans(_ text: String) -> [EntitySpan] {
        sharedPipeline.analyze(path: "t.txt", text: text).document.spans.filter { !$0.isReference }
    }

    /// A run that is nothing but states' names is those states, whatever type the tagger gave it;
    /// a state's name with "and", "of" or an apostrophe inside stays whole.
    @Test func statesWhateverTheTaggerSaid() {
        let a = spans("The United Arab Emirates and the Russian Federation voted against the resolution in New York.")
        #expect(a.contains { $0.type == .state && $0.name == "United Arab Emirates" })
        #expect(a.contains { $0.type == .state && $0.name == "Russia" })
        #expect(!a.contains { $0.type == .organization })
        let b = spans("Costa Rica and El Salvador signed the agreement with the Kingdom of Bahrain.")
        #expect(b.filter { $0.type == .state }.map(\.name).sorted() == ["Bahrain", "Costa Rica", "El Salvador"])
        let c = spans("Ladies and Gentlemen, the Czech Republic and Papua New Guinea stand with Trinidad and Tobago and Bosnia and Herzegovina.")
        #expect(c.filter { $0.type == .state }.map(\.name).sorted()
            == ["Bosnia and Herzegovina", "Czechia", "Papua New Guinea", "Trinidad and Tobago"])
        #expect(!c.contains { $0.type == .person || $0.type == .place })
        let d = spans("The delegation of Côte d’Ivoire welcomed the report.")
        #expect(d.contains { $0.type == .state && $0.gazetteerKey == "CI" })
    }

    /// A city of a hundred thousand after "in", "at" or "near" is that city though the tagger left
    /// it out and its name is also a word ("geneva" is a gin); such a word elsewhere is no place.
    @Test func aCityAfterInThoughItIsAlsoAWord() {
        #expect(spans("Chile and Peru held peace talks in Geneva last year.").contains { $0.type == .place && $0.name == "Geneva" })
        #expect(!spans("He ordered a glass of Geneva with his dinner.").contains { $0.type == .place })
    }

    /// A person's name holds no possessive and no "and", whatever the tagger ran on.
    @Test func aPersonsNameStopsAtAPossessiveAndAtAnd() {
        let a = spans("She served as co-Chair of former Secretary-General Ban Ki-moon’s High-level Panel on the Post-2015 Development Agenda.")
        #expect(a.contains { $0.type == .person && $0.name == "Ban Ki-moon" })
        #expect(!a.contains { $0.type == .person && $0.name.contains("High") })
        let b = spans("We welcome the deal mediated by Secretary- General Guterres and Tiirkiye and we call on all parties to keep it.")
        #expect(!b.contains { $0.type == .person && $0.name.contains(" and ") })
        #expect(spans("Trinidad and Tobago voted in favour.").contains { $0.type == .state && $0.name == "Trinidad and Tobago" })
    }

    /// Text wrapped at a fixed width reads as the same text on one line: the same names and relations.
    @Test func wrappedTextReadsAsOneLine() {
        let flat = "Costa Rican President Ana Lucia Mora met Prime Minister Tomas Lindqvist of Sweden in Geneva on Monday. The two leaders signed an agreement on trade with Trinidad and Tobago."
        let wrapped = "Costa Rican President Ana Lucia\nMora met Prime Minister Tomas\nLindqvist of Sweden in Geneva on\nMonday. The two leaders signed an\nagreement on trade with Trinidad and\nTobago."
        func read(_ text: String) -> ([String], [String]) {
            let a = sharedPipeline.analyze(path: "t.txt", text: text)
            let names = a.document.spans.filter { !$0.isReference }.map { "\($0.type) \($0.name)" }.sorted()
            let rels = a.relations.map { "\(a.document.spans[$0.subject].name) \($0.predicate) \(a.document.spans[$0.object].name)" }.sorted()
            return (names, rels)
        }
        let (n1, r1) = read(flat), (n2, r2) = read(wrapped)
        #expect(n2 == n1)
        #expect(r2 == r1)
        #expect(n1.contains("person Tomas Lindqvist") && n1.contains("state Trinidad and Tobago"))
        #expect(!r1.isEmpty)
    }

    /// Forms of address are no names: "Mr. President", "the Secretary-General", "Gentlemen",
    /// Markdown's bold marks; "General Assembly" is an organization WordNet names, not the title
    /// "General" and a person.
    @Test func addressesAreNoPeople() {
        let a = spans("I congratulate you, Mr. President, on your election to the presidency of the General Assembly.")
        #expect(!a.contains { $0.type == .person })
        #expect(a.contains { $0.type == .organization && $0.name == "General Assembly" })
        #expect(!spans("We thank the Secretary-General for his report on the work of the Organization.").contains { $0.type == .person })
        #expect(!spans("**Mr President**,\n\n**Excellencies, Heads of State and Government**,").contains { $0.type == .person })
        #expect(!spans("Ladies and Gentlemen, welcome to Vienna.").contains { $0.type == .person })
        let cuba = spans("Allow me to reiterate to the Secretary-General Cuba's support for his work.")
        #expect(!cuba.contains { $0.type == .person })
        #expect(cuba.contains { $0.type == .state && $0.name == "Cuba" })
    }

    /// "His Excellency", "H.E." and a title cut at its hyphen ("Secretary- General") are taken off
    /// the name, so that the person is one node however the speech addresses them.
    @Test func honorificsLeaveTheName() {
        let a = spans("His Excellency Mr. Kofi Mensah met H.E. Ms. Ama Owusu in Geneva.")
        #expect(a.filter { $0.type == .person }.map(\.name).sorted() == ["Ama Owusu", "Kofi Mensah"])
        let b = spans("We welcome the report of Secretary- General Ban Ki-moon on the work of the Organization.")
        #expect(b.contains { $0.type == .person && $0.name == "Ban Ki-moon" && $0.title == "secretary-general" })
    }

    /// An office after a name in a salutation without a comma is no part of the name, with an
    /// organization's acronym before it or not; a title that goes with a given name ("King") and
    /// the words of a title before the name stay as they were.
    @Test func anOfficeAfterTheNameIsNoPartOfIt() {
        let a = spans("Your Excellency Ambassador Kofi Mensah President of the General Assembly;\nYour Excellency Mr. Ama Owusu UN Secretary General;\nHonourable Participants,")
        #expect(a.filter { $0.type == .person }.map(\.name).sorted() == ["Ama Owusu", "Kofi Mensah"])
        let b = spans("Deputy Prime Minister Ana Lucia Mora and Martin Luther King spoke in Geneva.")
        #expect(b.filter { $0.type == .person }.map(\.name).sorted() == ["Ana Lucia Mora", "Martin Luther King"])
    }

    /// A hyphenated given name does not end a person's name before the surname the tagger left
    /// out; a day after the name stays out.
    @Test func aHyphenatedGivenNameTakesTheSurname() {
        let a = spans("German Foreign Minister Karl-Heinz Wendtner said on Saturday that talks had failed.")
        #expect(a.contains { $0.type == .person && $0.name == "Karl-Heinz Wendtner" })
        let b = spans("The home of ousted President Marie-Claire Duvalon was taken over in a suburb.")
        #expect(b.contains { $0.type == .person && $0.name == "Marie-Claire Duvalon" })
        #expect(!spans("President Marie-Claire Monday spoke.").contains { $0.name.hasSuffix("Monday") })
    }

    /// A title in the plural before names, a title run together as text copied from a PDF loses
    /// its space, and a hyphen glued to the first word as a list's dash stay out of the names.
    @Test func pluralRunTogetherAndDashedTitles() {
        let a = spans("Presidents Anna Kovacs and Milan Horvat met in Vienna on Monday.")
        #expect(!a.contains { $0.type == .person && $0.name.hasPrefix("Presidents") })
        #expect(a.contains { $0.type == .person && $0.name == "Anna Kovacs" && $0.title == "president" })
        let b = spans("We welcome the report of SecretaryGeneral Ama Owusu.")
        #expect(b.contains { $0.type == .person && $0.name == "Ama Owusu" })
        let c = spans("-His Excellency Kofi Mensah, President of the Assembly")
        #expect(c.contains { $0.type == .person && $0.name == "Kofi Mensah" })
    }

    /// The words left for a person's name: no bare title, no digits; one word that is a plural of
    /// people or, untitled, a long word WordNet never gives a person, is no name.
    @Test func whatCanBeAPersonsName() throws {
        let r = LexiconRecognizer(lexicon: sharedPipeline.lexicon)
        let doc = sharedPipeline.analyze(path: "t.txt", text: "President Multilateralism Gentlemen A/70/PV.22 Bush Cafeteria").document
        let words = doc.tokens.map(\.text)
        func name(_ w: String, titled: Bool = false) throws -> Bool {
            let t = try #require(words.firstIndex(of: w))
            return r.isPersonName(doc, words, t..<(t + 1), titled: titled)
        }
        #expect(try !name("President"))
        #expect(try !name("Multilateralism"))
        #expect(try !name("Gentlemen"))
        #expect(try !name("A/70/PV.22"))
        #expect(try name("Bush")) // WordNet has people named Bush
        #expect(try !name("Cafeteria"))
        #expect(try name("Cafeteria", titled: true)) // "Mr. Cafeteria" is somebody's name
    }

    /// Groups' proper names come from WordNet's noun.group, without dynasties (surnames too), nor
    /// names that are also places or continents.
    @Test func wordNetGroupNames() {
        let names = sharedPipeline.lexicon.organizationNames
        #expect(names["general assembly"] == "General Assembly")
        #expect(names["hamas"] != nil && names["security council"] != nil)
        #expect(names["wei"] == nil && names["tudor"] == nil && names["europe"] == nil)
    }

    /// Former states come from iso-codes' ISO 3166-3: a renamed one is its successor, one that
    /// split is a state of its own; "Czech" is Czechia's though WordNet relates it to Czechoslovakia;
    /// a state renamed since WordNet keeps its older name.
    @Test func formerStates() {
        let lex = sharedPipeline.lexicon
        #expect(lex.state(named: "Upper Volta")?.name == lex.state(named: "Burkina Faso")?.name)
        #expect(lex.state(named: "Zaire")?.code == "CD")
        #expect(lex.state(named: "Yugoslavia")?.name == "Yugoslavia")
        #expect(lex.state(named: "Czechoslovakia")?.code != lex.state(named: "Czechia")?.code)
        #expect(lex.stateForDemonym("Czech")?.code == "CZ")
        #expect(lex.stateForDemonym("Yugoslav")?.name == "Yugoslavia")
        #expect(spans("Former Yugoslav President Milan Novak was flown to The Hague.").contains { $0.type == .state && $0.name == "Yugoslavia" })
        // A state WordNet knows by an older name, found through its capital: "Cape Verde" (Praia).
        #expect(lex.state(named: "Cape Verde")?.code == "CV")
        #expect(lex.state(named: "Swaziland")?.code == "SZ")
    }

    /// The recognizer's own reading of tags given by hand, so that a test does not depend on what
    /// the trained tagger makes of the sentence.
    private func recognized(_ text: String, tags: [String: String]) -> [EntitySpan] {
        var doc = sharedPipeline.tokenize(path: "t.txt", text: text)
        sharedPipeline.tag(&doc)
        sharedPipeline.parse(&doc)
        doc.entityTags = doc.tokens.map { tags[$0.text] ?? "O" }
        LexiconRecognizer(lexicon: sharedPipeline.lexicon).recognize(&doc)
        return doc.spans.filter { !$0.isReference }
    }

    /// A run WordNet names as a place is that place whatever the tagger took it for; a state's name
    /// cut at a line's end keeps its hyphen on the first part and is still the state.
    @Test func wordNetPlacesAndNamesCutAtALineEnd() {
        let a = recognized("The countries of Latin America agreed.", tags: ["Latin": "B-PER", "America": "I-PER"])
        #expect(a.map { "\($0.type) \($0.name)" } == ["place Latin America"])
        #expect(sharedPipeline.lexicon.locationNames["golan heights"] != nil)
        #expect(sharedPipeline.lexicon.locationNames["paris"] == nil) // a person too (Paris of Troy)
        let b = recognized("We welcome the people of Timor-\nLeste to the Organization.", tags: ["Timor-": "B-LOC", "Leste": "I-LOC"])
        #expect(b.contains { $0.type == .state && $0.gazetteerKey == "TL" })
    }

    /// Typographic and plain apostrophes normalize alike, so that "O’Brien" and "O'Brien" are one key.
    @Test func apostrophesNormalizeAlike() {
        #expect(Entity.normalize("Côte d’Ivoire") == Entity.normalize("Cote d'Ivoire"))
        #expect(Entity.normalize("Dan O’Brien") == "dan o'brien")
    }
}
