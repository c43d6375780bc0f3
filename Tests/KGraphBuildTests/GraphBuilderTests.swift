import Foundation
import KGraphModel
import KGraphText
import Testing
@testable import KGraphBuild

let pipeline: TextPipeline = try! TextPipeline.load()
let builder = GraphBuilder(lexicon: pipeline.lexicon)

func resolve(_ path: String, _ text: String) -> ResolvedDocument {
    builder.resolve(pipeline.analyze(path: path, text: text))
}

@Suite struct GraphBuilderTests {
    @Test func fullNameSurnameAndTitleAreOnePerson() {
        let d = resolve("a.txt", "Chancellor Angela Merkel arrived in Rome. Merkel met reporters. Later Ms Merkel left.")
        let persons = d.entities.filter { $0.type == .person }
        #expect(persons.map(\.name) == ["Angela Merkel"])
        #expect(d.mentions.filter { $0.entity == "person:angela merkel" }.count == 3)
    }

    /// "the President" is the document's one person with that title; with two, it is nobody.
    @Test func aUniqueRoleIsItsPerson() {
        let d = resolve("r.txt", "Kenyan President William Ruto arrived in Berlin on Monday. The President flew to Munich on Tuesday.")
        #expect(d.relations.contains { $0.subject == "person:william ruto" && $0.object == "place:munich" })
        let two = resolve("r2.txt", "Kenyan President William Ruto met French President Emmanuel Macron in Paris. The President later visited Lyon.")
        #expect(!two.relations.contains { $0.object == "place:lyon" && $0.subject.hasPrefix("person:") })
        // Not a title before a noun: "the chief economist" keeps its role.
        #expect(resolve("r3.txt", "Maria Lopez, the chief economist of the Andean Development Corporation, spoke in Lima.").relations
            .contains { $0.predicate == "chief economist of" })
    }

    @Test func stateAliasesAreOneState() {
        let d = resolve("b.txt", "The U.S. and the United States of America are the same. US officials agreed.")
        let states = d.entities.filter { $0.type == .state }
        #expect(states.map(\.id) == ["state:united states"])
        #expect(Set(states[0].aliases).isSuperset(of: ["U.S.", "US"]))
    }

    /// A name is also known as the text writes it, hyphens and all, beside the gazetteer's form.
    @Test func aHyphenatedNameKeepsItsForm() {
        let d = resolve("h.txt", "Four soldiers were wounded in an attack in the coastal city of Dar-es-Salaam on Saturday.")
        let place = d.entities.first { $0.type == .place }
        #expect(place?.name == "Dar es Salaam" && place?.aliases.contains("Dar-es-Salaam") == true, "\(String(describing: place))")
    }

    /// A place is known with or without the noun for its kind after its name, each alias with its reason.
    @Test func aPlaceWithOrWithoutItsKind() {
        let d = resolve("k.txt", "A roadside bomb exploded in Helmand province, and a ferry sank off Java Island.")
        let helmand = d.entities.first { $0.name == "Helmand" }, java = d.entities.first { $0.name == "Java Island" }
        #expect(helmand?.aliases.contains("Helmand province") == true && java?.aliases.contains("Java") == true)
        #expect(java?.reasons["Java"]?.contains("without the noun") == true)
    }

    /// An organization the gazetteer names with "The" is also known without it.
    @Test func anOrganizationsNameWithoutThe() {
        let d = resolve("t.txt", "The Associated Press reported that the talks had failed.")
        let org = d.entities.first { $0.type == .organization }
        #expect(org?.name == "The Associated Press" && org?.aliases.contains("Associated Press") == true, "\(String(describing: org))")
    }

    @Test func demonymLinksToState() {
        let d = resolve("c.txt", "Iraqi forces entered the city.")
        #expect(d.entities.map(\.id) == ["state:iraq"])
        #expect(d.mentions.first?.text == "Iraqi")
    }

    @Test func gazetteerPlaceLiesInItsState() {
        let d = resolve("d.txt", "Brazilian President Luiz Lula arrived in Lisbon.")
        let located = d.relations.first { $0.predicate == "located in" }
        #expect(located?.subject == "place:lisbon")
        #expect(located?.object == "state:portugal")
        #expect(located?.evidence.first?.source == "GeoNames")
        #expect(located?.evidence.first?.document == "d.txt")
    }

    @Test func pronounResolvesToNearestPerson() {
        let d = resolve("e.txt", "Kenyan President William Ruto spoke on Monday. He later visited Kampala.")
        #expect(d.relations.contains { $0.subject == "person:william ruto" && $0.predicate == "visited" && $0.object == "place:kampala" })
    }

    /// A person named only as somebody's relative or aide is not what a later pronoun means: the
    /// brother is, and he has no name to resolve to.
    @Test func pronounSkipsAPersonNamedAsSomebodysRelative() {
        let d = resolve("e.txt", "Poland has extradited the brother of former Czech president Vaclav Klaus to Prague, where he is wanted for tax fraud.")
        #expect(d.entities.contains { $0.id == "person:vaclav klaus" })
        #expect(!d.relations.contains { $0.subject == "person:vaclav klaus" && $0.lemma.hasPrefix("want") })
        let e = resolve("e.txt", "Vaclav Klaus's spokesman arrived in Prague. He was questioned for hours.")
        #expect(!e.relations.contains { $0.subject == "person:vaclav klaus" && $0.lemma.hasPrefix("question") })
    }

    @Test func evidenceOffsetsIndexTheText() {
        let text = "Intro — “quoted” text.\nGerman Chancellor Olaf Scholz arrived in Madrid."
        let d = resolve("f.txt", text)
        let scalars = Array(text.unicodeScalars)
        let r = d.relations.first { $0.predicate == "arrived in" }
        let ev = try! #require(r?.evidence.first)
        #expect(String(String.UnicodeScalarView(scalars[ev.start..<ev.end])) == ev.sentence)
        for m in d.mentions {
            #expect(String(String.UnicodeScalarView(scalars[m.start..<m.end])) == m.text)
        }
    }

    @Test func commonNounEventsAreKeptOnlyInRelations() {
        let d = resolve("g.txt", "Spanish Prime Minister Pedro Sanchez convened a summit. A meeting happened somewhere.")
        let events = d.entities.filter { $0.type == .event }
        #expect(events.count == 1)
        #expect(events.first?.name == "summit")
        #expect(events.first?.id.hasSuffix("@g.txt") == true)
    }

    @Test func mergeJoinsSurnameAcrossDocumentsAndAggregatesEvidence() {
        let a = resolve("a.txt", "Austrian Chancellor Karl Nehammer arrived in Vienna.")
        let b = resolve("b.txt", "Mr Nehammer arrived in Vienna again on Friday.")
        let g = builder.merge([a, b])
        #expect(g.entities.filter { $0.type == .person }.map(\.id) == ["person:karl nehammer"])
        let rel = g.relations.first { $0.predicate == "arrived in" }
        #expect(rel?.subject == "person:karl nehammer")
        #expect(Set(rel?.evidence.map(\.document) ?? []) == ["a.txt", "b.txt"])
        // The merge says why.
        let karl = g.entities.first { $0.id == "person:karl nehammer" }
        #expect(karl?.aliases == ["Nehammer"])
        #expect(karl?.reasons["Nehammer"] == "surname of Karl Nehammer, the one person of the build with that last name")
        // Merging twice gives the same graph.
        #expect(builder.merge([a, b]) == g)
    }

    /// One name read as different types in different documents is one node of the type two thirds
    /// of its mentions have, relations and mentions moved to it; an even split stays apart.
    @Test func oneNameReadAsSeveralTypesIsOneNode() {
        func doc(_ path: String, _ type: EntityType, _ name: String, mentions: Int) -> ResolvedDocument {
            let id = Entity.makeID(type: type, name: name)
            let ms = (0..<mentions).map { Mention(entity: id, document: path, start: 10 * $0, end: 10 * $0 + name.count, text: name) }
            let rel = Relation(subject: id, predicate: "attacked", object: "state:nigeria",
                               evidence: [Evidence(document: path, sentence: "s", start: 0, end: 1)])
            return ResolvedDocument(path: path, entities: [Entity(id: id, name: name, type: type),
                                                           Entity(id: "state:nigeria", name: "Nigeria", type: .state)],
                                    mentions: ms, relations: [rel])
        }
        let g = builder.merge([doc("a.txt", .organization, "Ruvu Front", mentions: 3), doc("b.txt", .person, "Ruvu Front", mentions: 1),
                               doc("c.txt", .organization, "Ruvu Front", mentions: 2)])
        #expect(g.entities.filter { Entity.normalize($0.name) == "ruvu front" }.map(\.id) == ["organization:ruvu front"])
        #expect(g.mentions.filter { $0.text == "Ruvu Front" }.count == 6)
        #expect(g.mentions.allSatisfy { $0.entity != "person:ruvu front" })
        #expect(g.relations.filter { $0.predicate == "attacked" }.map(\.subject) == ["organization:ruvu front"])
        let even = builder.merge([doc("a.txt", .organization, "Kisa Hall", mentions: 2), doc("b.txt", .place, "Kisa Hall", mentions: 2)])
        #expect(Set(even.entities.filter { $0.name == "Kisa Hall" }.map(\.type)) == [.organization, .place])
        // A name an earlier build stored under one type keeps it, whatever this build reads.
        let stored = Entity(id: "organization:kisa hall", name: "Kisa Hall", type: .organization)
        let later = builder.merge([doc("c.txt", .place, "Kisa Hall", mentions: 3)], known: [stored])
        #expect(later.entities.filter { $0.name == "Kisa Hall" }.map(\.id) == ["organization:kisa hall"])
        #expect(later.mentions.filter { $0.text == "Kisa Hall" }.allSatisfy { $0.entity == "organization:kisa hall" })
    }

    /// Forms of one full name across documents are one node, the most mentioned form keeping the
    /// id: a middle name or initial more or less, or the name's last words. A name that two
    /// unrelated longer names fit, or a middle initial against another one, stays apart.
    @Test func fullNameVariantsAcrossDocumentsAreOnePerson() {
        let a = resolve("a.txt", "Minister Tomas Ferreira Lindqvist arrived in Oslo.")
        let b = resolve("b.txt", "Tomas Lindqvist met reporters in Oslo. Tomas Lindqvist left on Friday.")
        let c = resolve("c.txt", "Mr Tomas F. Lindqvist spoke in Bergen.")
        let g = builder.merge([a, b, c])
        let persons = g.entities.filter { $0.type == .person }
        #expect(persons.map(\.id) == ["person:tomas lindqvist"])
        let aliases = Set(persons.first?.aliases ?? [])
        #expect(aliases.contains("Tomas Ferreira Lindqvist") && aliases.contains("Tomas F. Lindqvist"))
        #expect(persons.first?.reasons["Tomas Ferreira Lindqvist"]
            == "another form of Tomas Lindqvist's full name, the one person of the build it fits")
        #expect(g.relations.filter { $0.subject == "person:tomas lindqvist" }.count >= 2)
        #expect(g.mentions.allSatisfy { $0.entity == "person:tomas lindqvist" || !$0.entity.hasPrefix("person:") })

        /// (from, to) ids of `nameVariants` over persons of these names, mentioned so often.
        func variants(_ names: [String], _ mentions: [String: Int] = [:]) -> [[String]] {
            let persons = names.map { Entity(id: Entity.makeID(type: .person, name: $0), name: $0, type: .person) }
            let counts = Dictionary(uniqueKeysWithValues: mentions.map { (Entity.makeID(type: .person, name: $0.key), $0.value) })
            return GraphBuilder.nameVariants(persons, stored: [], mentions: counts).map { [$0.0, $0.1] }.sorted { $0[0] < $1[0] }
        }
        // The last words of a longer name; a middle initial never meets another.
        #expect(variants(["Nassir Abdulaziz Alnasser", "Abdulaziz Alnasser", "George W. Bush", "George H. W. Bush", "George Bush"],
                         ["Abdulaziz Alnasser": 5])
            == [["person:nassir abdulaziz alnasser", "person:abdulaziz alnasser"]])
        // A family name opening with a particle is not one person's.
        #expect(variants(["Hamad bin Isa Al Nour", "Al Nour"]).isEmpty)
        // A name misspelt by a letter is the same person; a short name differing by a letter is not.
        #expect(variants(["Barack Obaro", "Barak Obaro", "Maria Lopez", "Mario Lopez"], ["Barack Obaro": 9, "Barak Obaro": 2])
            == [["person:barak obaro", "person:barack obaro"]])
        #expect(GraphBuilder.misspelt("mogens", "morgens") && GraphBuilder.misspelt("tijani", "tijjani"))
        #expect(!GraphBuilder.misspelt("maria", "mario") && !GraphBuilder.misspelt("barack", "barack"))
        // Several misspellings of one another are one person, under the most mentioned.
        #expect(variants(["Tijjani Bande", "Tijani Bande", "Tiijani Bande", "Tijiani Bande"], ["Tijjani Bande": 7])
            == ["person:tiijani bande", "person:tijani bande", "person:tijiani bande"].map { [$0, "person:tijjani bande"] })
        // Hyphens and spaces spell one name; a name cut at its hyphen ("Ban Ki-" at a line's end)
        // is the whole name's.
        #expect(variants(["Kim Sung-ho", "Kim Sung Ho", "Kim-Sung Ho", "Kim Sung-", "Kim Sung"], ["Kim Sung-ho": 9])
            == ["person:kim sung", "person:kim sung ho", "person:kim sung-", "person:kim-sung ho"].map { [$0, "person:kim sung-ho"] })
    }

    /// A name and the same name with more family names are one person, when the added words are
    /// no common words (the lexicon's word list decides) and one longer name fits.
    @Test func moreFamilyNamesAreOnePerson() {
        func variants(_ names: [String], _ mentions: [String: Int] = [:]) -> [[String]] {
            let persons = names.map { Entity(id: Entity.makeID(type: .person, name: $0), name: $0, type: .person) }
            let counts = Dictionary(uniqueKeysWithValues: mentions.map { (Entity.makeID(type: .person, name: $0.key), $0.value) })
            return GraphBuilder.nameVariants(persons, stored: [], mentions: counts,
                                             isCommonWord: { builder.lexicon.commonWords.contains($0) })
                .map { [$0.0, $0.1] }.sorted { $0[0] < $1[0] }
        }
        #expect(variants(["Ramon Ortiz", "Ramon Ortiz Zubiaurre"], ["Ramon Ortiz": 5])
            == [["person:ramon ortiz zubiaurre", "person:ramon ortiz"]])
        // Common words after the name make something else of it; two longer names, no guess.
        #expect(variants(["Ramon Ortiz", "Ramon Ortiz International Airport"]).isEmpty)
        #expect(variants(["Pak Chol", "Pak Chol Zhu", "Pak Chol Xiu"]).isEmpty)
        // Words left before the whole name in several forms: all one person.
        #expect(variants(["Ana Ruiz", "H.E Ana Ruiz", "Refugees Ana Ruiz"], ["Ana Ruiz": 9])
            == [["person:he ana ruiz", "person:ana ruiz"], ["person:refugees ana ruiz", "person:ana ruiz"]])
    }

    /// A title before a given name alone is part of what the person is called ("Pope Francis"),
    /// so the name alone joins that person in its document and is nobody's surname elsewhere.
    @Test func givenNamesWithTitlesAreNoSurnames() {
        let a = resolve("a.txt", "Pope Francis visited Lisbon on Sunday. Francis met young people there.")
        let b = resolve("b.txt", "President Anton Francis opened the session in Vienna.")
        let g = builder.merge([a, b])
        let persons = g.entities.filter { $0.type == .person }
        #expect(persons.map(\.name).sorted() == ["Anton Francis", "Pope Francis"])
        let pope = persons.first { $0.name == "Pope Francis" }
        #expect(pope?.reasons["Francis"] == "the given name of Pope Francis, who is called by it with the title")
        #expect(g.mentions.filter { $0.entity == "person:pope francis" }.count == 2)
    }

    /// A place is also known with the noun for a kind of land the text puts after its name.
    @Test func aPlaceWithTheNounForItsKindAfterIt() {
        let d = resolve("g.txt", "Two people were killed in an airstrike in the Caprivi strip on Monday.")
        #expect(d.entities.contains { $0.type == .place && $0.name == "Caprivi" && $0.aliases.contains("Caprivi strip") })
    }

    /// A lone name after a title that ends no full name of the document is the one person whose
    /// name opens with it, the family name written first; with two such persons, it is neither.
    @Test func aFamilyNameWrittenFirstAfterATitle() {
        let d = resolve("k.txt", "Foreign Minister Park Min-jun arrived in Nairobi on Monday. Mr. Park met President Lindqvist.")
        #expect(d.entities.filter { $0.type == .person }.map(\.name).sorted() == ["Lindqvist", "Park Min-jun"])
        let park = d.entities.first { $0.name == "Park Min-jun" }
        #expect(park?.reasons["Park"] == "a name of Park Min-jun's before the last, after a title: the one person of the same document whose name has it")
        // Or a name before the last, where the family name stands in the middle.
        let mid = resolve("m.txt", "Former President Maria Lopes da Silva arrived in Lisbon. President Lopes met reporters.")
        #expect(mid.entities.filter { $0.type == .person }.map(\.name) == ["Maria Lopes da Silva"])
        let two = resolve("k2.txt", "Minister Kim Soo-hyun and Minister Kim Ji-won arrived in Nairobi. Mr. Kim spoke first.")
        #expect(two.entities.filter { $0.type == .person }.count == 3)
    }

    /// A state's whole name taken for a person's is the state, unless it is a person's name in the
    /// document.
    @Test func aStatesNameTakenForAPersonIsTheState() {
        let d = resolve("s.txt", "Do we agree, Mr. United States? The United States has not answered.")
        #expect(d.entities.map(\.id) == ["state:united states"])
        #expect(d.mentions.filter { $0.entity == "state:united states" }.count == 2)
        // Nor is its last word a surname.
        let e = resolve("s2.txt", "Thank you, Mr. United States. Mr. States will answer.")
        #expect(!e.entities.contains { $0.type == .person && $0.name == "United States" })
    }

    /// Across documents, a lone name after a title that is nobody's last name joins the one
    /// person of the build whose name opens with it.
    @Test func aFamilyNameWrittenFirstAcrossDocuments() {
        let a = resolve("a.txt", "Foreign Minister Park Min-jun arrived in Nairobi on Monday.")
        let b = resolve("b.txt", "Mr. Park met reporters in Lima.")
        #expect(b.titledLoneNames == ["person:park"])
        let g = builder.merge([a, b])
        #expect(g.entities.filter { $0.type == .person }.map(\.name) == ["Park Min-jun"])
        #expect(g.mentions.filter { $0.entity == "person:park min-jun" }.count == 2)
        // Not without the title: "Park" alone may be anybody's given or family name.
        let c = resolve("c.txt", "Park met reporters in Lima.")
        #expect(builder.merge([a, c]).entities.filter { $0.type == .person }.count == 2)
    }

    /// A lone surname joins the one person of that last name that an earlier build stored.
    @Test func surnameJoinsAStoredFullName() {
        let later = resolve("c.txt", "Mr Nehammer arrived in Vienna again on Friday.")
        let stored = Entity(id: "person:karl nehammer", name: "Karl Nehammer", type: .person)
        let g = builder.merge([later], known: [stored, Entity(id: "state:austria", name: "Austria", type: .state)])
        #expect(g.entities.filter { $0.type == .person }.map(\.id) == ["person:karl nehammer"])
        let karl = g.entities.first { $0.id == "person:karl nehammer" }
        #expect(karl?.reasons["Nehammer"] == "surname of Karl Nehammer, the one person of the store with that last name")
        #expect(g.relations.first { $0.predicate == "arrived in" }?.subject == "person:karl nehammer")
        #expect(g.mentions.allSatisfy { $0.entity != "person:nehammer" })
        // Two stored persons of that last name: no guess.
        let two = builder.merge([later], known: [stored, Entity(id: "person:anna nehammer", name: "Anna Nehammer", type: .person)])
        #expect(two.entities.contains { $0.id == "person:nehammer" })
    }

    /// Every alias carries the reason it was merged.
    @Test func aliasesSayWhyTheyWereMerged() {
        let d = resolve("r.txt", "French President Emmanuel Macron flew to the U.S. on Monday. Macron met reporters there.")
        let macron = d.entities.first { $0.id == "person:emmanuel macron" }
        #expect(macron?.reasons["Macron"] == "surname of Emmanuel Macron, the one person of the same document with that last name")
        let us = d.entities.first { $0.id == "state:united states" }
        #expect(us?.aliases.contains("U.S.") == true)
        #expect(us?.reasons["U.S."] == "another name of the state in iso-codes or GeoNames")
        for e in d.entities { #expect(Set(e.reasons.keys) == Set(e.aliases), "\(e.id)") }
    }

    /// "did not visit" and "visited" are two edges: the denial never joins the affirmed fact.
    @Test func deniedAndAffirmedFactsStayApart() {
        let a = resolve("a.txt", "Austrian Chancellor Karl Nehammer did not visit Vienna.")
        let b = resolve("b.txt", "Austrian Chancellor Karl Nehammer visited Vienna on Friday.")
        let g = builder.merge([a, b])
        let visits = g.relations.filter { $0.predicate == "visited" && $0.object == "place:vienna" }
        #expect(visits.count == 2)
        #expect(visits.first { $0.negated }?.evidence.map(\.document) == ["a.txt"])
        #expect(visits.first { !$0.negated }?.evidence.map(\.document) == ["b.txt"])
    }
}

@Suite struct InputTests {
    func temp() -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-inputs-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    @Test func collectsArticlesRecursivelyInOrder() throws {
        let dir = temp()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for name in ["b.txt", "a.md", "sub/c.txt", "skip.json"] {
            try "Text.".write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let (files, problems) = Inputs.collect([dir.path, dir.appendingPathComponent("missing.txt").path])
        #expect(files.map { ($0.path as NSString).lastPathComponent } == ["a.md", "b.txt", "c.txt"])
        #expect(problems.count == 1)
        #expect(problems[0].description.hasSuffix("missing.txt: no such file or folder"))
    }

    @Test func badFilesAreNamedProblems() throws {
        let dir = temp()
        let empty = dir.appendingPathComponent("empty.txt")
        let binary = dir.appendingPathComponent("bin.txt")
        let latin1 = dir.appendingPathComponent("latin1.txt")
        try Data().write(to: empty)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).write(to: binary)
        try Data([0x43, 0x61, 0x66, 0xE9, 0x20]).write(to: latin1)
        for (url, words) in [(empty, "empty"), (binary, "binary"), (latin1, "UTF-8")] {
            #expect(throws: InputProblem.self) { try Inputs.read(InputFile(path: url.path)) }
            do { _ = try Inputs.read(InputFile(path: url.path)) } catch {
                #expect(error.description.contains(url.path))
                #expect(error.description.contains(words))
            }
        }
    }
}
