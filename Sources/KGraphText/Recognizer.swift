import KGraphModel

/// Finds typed entity spans in a tokenized document.
public protocol EntityRecognizer: Sendable {
    func recognize(_ doc: inout Document)
}

/// A recognizer of rules over the data-made lexicon: capitalized runs classified by the gazetteers,
/// titles, given names and organization, place and event heads; pronouns and event nouns as references.
public struct LexiconRecognizer: EntityRecognizer {
    public let lexicon: Lexicon
    /// The first words of the lexicon's state names and aliases (lookup keys), so that a word that
    /// cannot open one skips the phrase lookups of `lookupState` (joins and normalizations of up
    /// to six phrases, for every capitalized word).
    private let stateFirstWords: Set<String>
    /// `GeneralVocabulary.titles` by first word, each list in the vocabulary's order (so the
    /// first title that matches is the same as in a scan of them all).
    private let titlesByFirstWord: [String: [[String]]]

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        stateFirstWords = Set(lexicon.stateAliases.keys.map { Self.firstWord($0) })
        titlesByFirstWord = Dictionary(grouping: (GeneralVocabulary.titles + GeneralVocabulary.addressTitles + GeneralVocabulary.rankTitles).filter { !$0.isEmpty }) { $0[0] }
    }

    /// The words of a lookup key up to its first space.
    private static func firstWord(_ key: String) -> String {
        guard let space = key.utf8.firstIndex(of: 0x20) else { return key }
        return String(key[..<space])
    }

    public func recognize(_ doc: inout Document) {
        var spans: [EntitySpan] = []
        if doc.entityTags.count == doc.tokens.count {
            namesFromTags(doc, into: &spans)
        } else {
            namesFromCapitals(doc, into: &spans)
            for k in spans.indices { if let state = capitalMetonym(doc, spans[k]) { spans[k] = state } }
        }
        addReferences(&doc, spans)
    }

    /// Names from the trained recognizer's IOB2 tags. A name's run also takes the capitalized
    /// titles and states just before it ("Ukrainian President" + "Volodymyr Zelensky"); the
    /// gazetteers then decide State versus Place. Capitalized demonyms and state names outside
    /// any name stand for their states ("Iraqi troops").
    private func namesFromTags(_ doc: Document, into spans: inout [EntitySpan]) {
        let words = doc.tokens.map(\.text)
        // Tokens already in a name; sentences do not overlap, so one array serves them all.
        var covered = [Bool](repeating: false, count: words.count)
        for sentence in doc.sentences where !sentence.isEmpty {
            // A dateline's names come from its shape: the place, its state or region, the agency.
            if let d = Dateline.at(doc, sentence.lowerBound, end: sentence.upperBound, lexicon: lexicon), d.tokens == sentence {
                spans += datelineNames(doc, words, d)
                for k in sentence { covered[k] = true }
                continue
            }
            let headline = isHeadline(doc, sentence)
            // States whose names have a lower-case word inside, which the tagger cuts up or types
            // apart: "Trinidad and Tobago", "Bosnia and Herzegovina", "Kingdom of Bahrain".
            var k = sentence.lowerBound
            while k < sentence.upperBound {
                if let (len, state) = connectedStateName(words, k, sentence.upperBound) {
                    spans.append(stateSpan(k..<(k + len), state))
                    for c in k..<(k + len) { covered[c] = true }
                    k += len
                } else {
                    k += 1
                }
            }
            var t = sentence.lowerBound
            while t < sentence.upperBound {
                let tag = doc.entityTags[t]
                guard tag.hasPrefix("B-") || tag.hasPrefix("I-") else { t += 1; continue }
                // Nor with a word already named, or a mark of no letters ("-" of "Secretary-General",
                // the "**" of Markdown's bold).
                if covered[t] || !words[t].contains(where: \.isLetter) { t += 1; continue }
                // A name does not open with a lower-case word ("of" + "Iran's ...", "encourage" +
                // "Saudi Arabia"), unless it is a name's particle ("al", "de", "van").
                if words[t].first?.isLowercase == true, !GeneralVocabulary.nameConnectors.contains(words[t])
                    || GeneralVocabulary.functionWords.contains(words[t]) { t += 1; continue }
                let type = tag.dropFirst(2)
                var e = t + 1
                while e < sentence.upperBound, doc.entityTags[e] == "I-" + type, !covered[e] { e += 1 }
                let taggedEnd = e // what follows a cut is no name either
                e = t + saneLength(words, t..<e)
                // An organization's run ends where a title that runs on past it starts: "U.S." +
                // "National Security Advisor James Jones" (tagged "U.S. National Security").
                if type == "ORG", e < sentence.upperBound,
                   let j = (t..<e).first(where: { j in matchTitle(words, j, sentence.upperBound).map { j + $0 > e } ?? false }) {
                    if j == t { t = taggedEnd; continue }
                    e = j
                }
                e = hyphenatedEnd(doc, words, type: matchTitle(words, t, e) != nil ? "PER" : type, end: e, limit: sentence.upperBound)
                // A hyphenated given name, after which the tagger ended the name: "Frank-Walter" +
                // "Steinmeier", "President Jean-Bertrand" + "Aristide". The next word is a proper
                // noun, capitalized, no common word, state, place, day or month.
                let titled = matchTitle(words, t, e)
                if type == "PER" || titled != nil, e - 3 >= t, e < sentence.upperBound,
                   e - 3 == t || titled == e - 3 - t,
                   words[e - 2] == "-", isCapitalized(words[e - 3]), isCapitalized(words[e - 1]),
                   doc.tokens[e - 2].start == doc.tokens[e - 3].end, doc.tokens[e - 1].start == doc.tokens[e - 2].end,
                   doc.entityTags[e] == "O", doc.upos.count == doc.tokens.count, doc.upos[e] == "PROPN",
                   isCapitalized(words[e]), !isCommonWord(words[e]), lookupState(words, e, e + 1) == nil,
                   lexicon.place(named: words[e]) == nil, !GeneralVocabulary.dayAndMonthNames.contains(words[e].lowercased()) {
                    e += 1
                }
                // A title tagged on its own ("Prime" of "Prime Minister Sir Keir Starmer"): the name
                // after it takes it in.
                if let len = matchTitle(words, t, sentence.upperBound), t + len >= e, isCapitalized(words[t + len]) {
                    t = e
                    continue
                }
                // A capitalized head the tagger left out: "Lancaster" + "House".
                var headType: EntityType? = nil
                if e < sentence.upperBound, doc.entityTags[e] == "O", isCapitalized(words[e]) {
                    let low = words[e].lowercased()
                    if GeneralVocabulary.placeHeads.contains(low) { headType = .place }
                    else if lexicon.organizationHeads.contains(low) { headType = .organization }
                    else if GeneralVocabulary.eventHeads.contains(low) { headType = .event }
                    if headType != nil { e += 1 }
                    // Or several, the last a noun for an organization: "Iraq" + "Study Group".
                    else if let run = untaggedOrganization(doc, words, e, sentence, covered) {
                        headType = .organization
                        e = run.upperBound
                    }
                }
                // A run that ends in a title ("Thai Prime Minister") takes the proper nouns the
                // tagger left after it ("Surayud Chulanont").
                if doc.upos.count == doc.tokens.count, (t..<e).contains(where: { matchTitle(words, $0, e + 1) == e - $0 }) {
                    while e < sentence.upperBound, e - t < 8, doc.entityTags[e] == "O", doc.upos[e] == "PROPN",
                          isCapitalized(words[e]) {
                        e += 1
                    }
                }
                // A person's run that ends in a given name, or in one word after a title, takes the
                // proper noun the tagger left after it ("Denver Mayor Tomas" + "Lindqvist").
                // (Or a run of any type that ends in one word after a title: "New Orleans Mayor Tomas"
                // tagged as a place.)
                if doc.upos.count == doc.tokens.count, e < sentence.upperBound, e - t >= 1,
                   type == "PER" && lexicon.givenNames.contains(words[e - 1])
                    || (t..<(e - 1)).contains(where: { matchTitle(words, $0, e) == e - 1 - $0 }),
                   doc.entityTags[e] == "O", doc.upos[e] == "PROPN",
                   isCapitalized(words[e]), !isCommonWord(words[e]), !covered[e] {
                    e += 1
                }
                // "Arab League Secretary" + "-General" + "Ahmed Aboul Gheit": an organization run
                // whose title runs on past it into a person's name is read as one run, which the
                // title then splits (below).
                if type == "ORG" {
                    var j = e
                    while j < sentence.upperBound, j - e < 3, doc.entityTags[j] == "O", words[j] == "-" || isCapitalized(words[j]) { j += 1 }
                    if j > e, j < sentence.upperBound, doc.entityTags[j] == "B-PER" {
                        var pe = j + 1
                        while pe < sentence.upperBound, doc.entityTags[pe] == "I-PER" { pe += 1 }
                        if innerTitle(words, t, pe) != nil { e = pe }
                    }
                }
                var a = t
                while true {
                    // A title, a state, or a given name the tagger left out of a person's name ("Ann" + "Carter").
                    if a - 1 >= sentence.lowerBound, !covered[a - 1], isCapitalized(words[a - 1]),
                       doc.entityTags[a - 1] == "O" || matchTitle(words, a - 1, e) != nil,
                       matchTitle(words, a - 1, e) != nil || lookupState(words, a - 1, a) != nil
                        || (type == "PER" && a == t && (lexicon.givenNames.contains(words[a - 1]) || !isCommonWord(words[a - 1]))) {
                        a -= 1
                        continue
                    }
                    // A name's particle and hyphen the tagger left out, with the given name before
                    // them: "Hussein al-" + "Shahristani".
                    if type == "PER", a == t, a - 3 >= sentence.lowerBound, words[a - 1] == "-",
                       GeneralVocabulary.hyphenedNameParticles.contains(words[a - 2]),
                       doc.tokens[a - 1].start == doc.tokens[a - 2].end, doc.tokens[a].start == doc.tokens[a - 1].end,
                       !covered[a - 1], !covered[a - 2], !covered[a - 3], isCapitalized(words[a - 3]), doc.entityTags[a - 3] == "O",
                       lexicon.givenNames.contains(words[a - 3]) || !isCommonWord(words[a - 3]) {
                        a -= 3
                        continue
                    }
                    // A demonym of two words before the title: "South Korean" + "Foreign Minister".
                    if a - 2 >= sentence.lowerBound, a < e, matchTitle(words, a, e) != nil, !covered[a - 1], !covered[a - 2],
                       isCapitalized(words[a - 2]), isCapitalized(words[a - 1]), lookupState(words, a - 2, a)?.0 == 2 {
                        a -= 2
                        continue
                    }
                    // A title that ends inside the run, but starts before it ("National Security" +
                    // "Advisor James Jones").
                    if let n = (1...3).first(where: { n in
                        a - n >= sentence.lowerBound && (a - n..<a).allSatisfy { !covered[$0] && isCapitalized(words[$0]) }
                            && (matchTitle(words, a - n, e) ?? 0) > n
                    }) {
                        a -= n
                        continue
                    }
                    // A title with a lower-case word inside: "U.S. Secretary of State" + "Colin Powell".
                    if let len = (3...4).first(where: { n in
                        a - n >= sentence.lowerBound && isCapitalized(words[a - n]) && matchTitle(words, a - n, e) == n
                            && (a - n..<a).allSatisfy { !covered[$0] }
                    }) {
                        a -= len
                        continue
                    }
                    break
                }
                // Nor is a day or a month after it: "Tokyo Wednesday". ("May" is left alone: a name.)
                let runEnd = max(e, taggedEnd)
                while e - 1 > t, GeneralVocabulary.dayAndMonthNames.contains(words[e - 1].lowercased()) { e -= 1 }
                // A lower-case adjective the tagger took in is not part of the name: "eastern
                // Baghdad", "northern Mali".
                while a < e - 1, doc.upos.count == doc.tokens.count, doc.upos[a] == "ADJ", words[a].first?.isLowercase == true {
                    a += 1
                }
                // A tagged run does not end in punctuation ("Rostov-on-Don" + ".").
                while e - 1 > a, words[e - 1].count == 1 && words[e - 1].first!.isPunctuation
                    || !words[e - 1].contains(where: { $0.isLetter || $0.isNumber }) { e -= 1 }
                var hint: EntityType? = switch type {
                case "PER": .person
                case "LOC": .place
                case "ORG": .organization
                case "EVT": .event
                default: nil
                }
                if let h = headType { hint = h }
                // A headline capitalizes common words: "Faces Uphill Battle" names nobody.
                if headline, hint == .person, !lexicon.givenNames.contains(words[a]), words[a..<e].allSatisfy({ isCommonWord($0) }) {
                    t = runEnd
                    continue
                }
                // "Earth Day" tagged as a place, "Hurricane Katrina" as a place or a person: events.
                if hint == .place || hint == .organization, e - a >= 2, lexicon.place(named: words[a..<e].joined(separator: " ")) == nil,
                   GeneralVocabulary.plainEventHeads.contains(words[e - 1].lowercased()) {
                    hint = .event
                }
                if hint != nil, hint != .event, a > sentence.lowerBound, !covered[a - 1], isCapitalized(words[a - 1]),
                   GeneralVocabulary.stormWords.contains(words[a - 1].lowercased()) {
                    a -= 1
                    if a > sentence.lowerBound, !covered[a - 1], words[a - 1] == "Tropical" { a -= 1 }
                    hint = .event
                }
                // A "place" that opens with a given name and that the gazetteer does not know is a
                // person: "Luxembourg's Gilles Muller".
                if hint == .place, e - a >= 2, e - a <= 3, lexicon.givenNames.contains(words[a]),
                   lexicon.place(named: words[a..<e].joined(separator: " ")) == nil, lookupState(words, a, e) == nil {
                    hint = .person
                }
                // An "event" that the gazetteer knows as a place and that has no event's head word is
                // the place: "Rostov-on-Don".
                if hint == .event, headType == nil, !GeneralVocabulary.eventHeads.contains(words[e - 1].lowercased()),
                   lexicon.place(named: Self.joinName(words[a..<e])) != nil {
                    hint = .place
                }
                // A "person" before "province" or the like is a place: "western Al Anbar province".
                if hint == .person, e < sentence.upperBound, GeneralVocabulary.divisionNouns.contains(words[e]) {
                    hint = .place
                }
                // A lone word tagged as a person that names a city of a million people or more, and
                // is no given name, is that city: "travels to Tokyo".
                if hint == .person, e - a == 1, !lexicon.givenNames.contains(words[a]),
                   let place = lexicon.place(named: words[a]), place.population >= 1_000_000 {
                    hint = .place
                }
                // "Prime Minister Sir Keir Starmer" tagged as an organization: a run that opens with a
                // person's title and does not end in an organization's head word names a person.
                if hint == .organization, let len = matchTitle(words, a, e), a + len < e,
                   !lexicon.organizationHeads.contains(words[e - 1].lowercased()) {
                    hint = .person
                }
                // "Denver Mayor Tomas Lindqvist" tagged as one person, organization or place: a place the
                // gazetteer knows, then a place's office, then the name, is the place and the person
                // (whose title is the place's).
                if hint == .person || hint == .organization || hint == .place, e - a >= 3,
                   let k = (1...2).first(where: { k in a + k < e - 1 && lexicon.place(named: words[a..<(a + k)].joined(separator: " ")) != nil
                       && lookupState(words, a, a + k) == nil
                       && GeneralVocabulary.placeOffices.contains(words[a + k].lowercased()) && matchTitle(words, a + k, e) != nil }) {
                    classify(doc, words, a..<(a + k), sentenceStart: a == sentence.lowerBound, headline: headline, hint: .place, into: &spans)
                    classify(doc, words, (a + k)..<e, sentenceStart: false, headline: headline, hint: .person, into: &spans)
                    for c in a..<e { covered[c] = true }
                    t = runEnd
                    continue
                }
                // "Palestinian Authority President Mahmoud Abbas" tagged as one organization: a
                // person's title inside the run, with capitalized words after it that do not end in
                // an organization's head word, splits it into the organization and the person.
                if hint == .organization, let m = innerTitle(words, a, e) {
                    // A state or its demonym before the title is no organization: "Israeli Deputy
                    // Prime Minister Ehud Olmert" is a person with a state's title.
                    if let (len, _) = lookupState(words, a, m), a + len == m {
                        classify(doc, words, a..<e, sentenceStart: a == sentence.lowerBound, headline: headline, hint: .person, into: &spans)
                        for k in a..<e { covered[k] = true }
                        t = runEnd
                        continue
                    }
                    classify(doc, words, a..<m, sentenceStart: a == sentence.lowerBound, headline: headline,
                             hint: .organization, into: &spans)
                    classify(doc, words, m..<e, sentenceStart: false, headline: headline, hint: .person, into: &spans)
                    for k in a..<e { covered[k] = true }
                    t = runEnd
                    continue
                }
                classify(doc, words, a..<e, sentenceStart: a == sentence.lowerBound, headline: headline, hint: hint, into: &spans)
                for k in a..<e { covered[k] = true }
                t = runEnd
            }
            // A "person" named after "the town of", "the settlement of" is that place.
            for k in spans.indices where sentence.contains(spans[k].tokens.lowerBound) && spans[k].type == .person
                && spans[k].title == nil && isNamedDivision(doc, spans[k].tokens) {
                let name = spans[k].name, place = lexicon.place(named: name)
                spans[k] = EntitySpan(tokens: spans[k].tokens, type: .place, name: place?.name ?? name,
                                      gazetteerKey: place != nil ? Lexicon.key(name) : nil)
            }
            // A capital that stands for its state ("Seoul's foreign minister"), before titles look
            // for their states.
            for k in spans.indices where sentence.contains(spans[k].tokens.lowerBound) {
                if let state = capitalMetonym(doc, spans[k]) { spans[k] = state }
            }
            // "US President Donald Trump" where the state was tagged apart: the title is of that
            // state; so is it in "Iran's new President Mahmoud Ahmadinejad" (a possessive, then at
            // most two adjectives).
            for k in spans.indices where spans[k].type == .person && spans[k].title != nil && spans[k].titleOf == nil
                && sentence.contains(spans[k].tokens.lowerBound) {
                var stateEnd = spans[k].tokens.lowerBound - spans[k].titleTokenCount
                var adjectives = 0
                // (A hyphenated one counts as one: "newly-elected".)
                while adjectives < 2, stateEnd - 1 > sentence.lowerBound, doc.upos.count == doc.tokens.count,
                      doc.upos[stateEnd - 1] == "ADJ" || adjectives == 0 && doc.upos[stateEnd - 1] == "VERB" && words[stateEnd - 2] == "-",
                      words[stateEnd - 1].first?.isLowercase == true {
                    stateEnd -= 1
                    if stateEnd - 2 > sentence.lowerBound, words[stateEnd - 1] == "-", words[stateEnd - 2].first?.isLowercase == true {
                        stateEnd -= 2
                    }
                    adjectives += 1
                }
                if stateEnd - 1 > sentence.lowerBound, GeneralVocabulary.possessiveMarkers.contains(words[stateEnd - 1]) {
                    stateEnd -= 1
                } else if adjectives > 0 {
                    continue
                }
                // A city's or a province's office is of that place: "New Orleans Mayor Ray Nagin".
                if let st = spans.first(where: { [.state, .place].contains($0.type) && $0.tokens.upperBound == stateEnd }) {
                    spans[k].titleOf = st.tokens.lowerBound
                }
            }
            for k in sentence where !covered[k] && isCapitalized(words[k]) {
                if GeneralVocabulary.stormWords.contains(words[k].lowercased()), k + 1 < sentence.upperBound, !covered[k + 1],
                   isCapitalized(words[k + 1]), !isCommonWord(words[k + 1]) || lexicon.givenNames.contains(words[k + 1]) {
                    // A storm's name the tagger left out: "Hurricane" + "Katrina" ("Tropical Storm" + "Ana").
                    let start = k > sentence.lowerBound && words[k - 1] == "Tropical" && !covered[k - 1] ? k - 1 : k
                    spans.append(EntitySpan(tokens: start..<(k + 2), type: .event, name: words[start..<(k + 2)].joined(separator: " ")))
                    for c in start..<(k + 2) { covered[c] = true }
                } else if !headline, let (run, type) = untaggedName(doc, words, k, sentence, covered) {
                    // Capitalized words the tagger left out that end in a noun for an organization
                    // ("the Supreme National Security Council") or in an event's head word ("the
                    // Summer Olympics").
                    classify(doc, words, run, sentenceStart: k == sentence.lowerBound, headline: false, hint: type, into: &spans)
                    for c in run { covered[c] = true }
                } else if let (len, state) = lookupState(words, k, min(k + 6, sentence.upperBound)), len == 1 || (k..<(k + len)).allSatisfy({ !covered[$0] }) {
                    spans.append(stateSpan(k..<(k + len), state))
                    for c in k..<(k + len) { covered[c] = true }
                } else if k > sentence.lowerBound, !headline, isBigCity(words, k, sentence) {
                    // A lone capitalized word the tagger left out that names a capital or a city of a
                    // million: "left Belgrade Thursday".
                    let place = lexicon.place(named: words[k])!
                    spans.append(EntitySpan(tokens: k..<(k + 1), type: .place, name: place.name, gazetteerKey: Lexicon.key(words[k])))
                    covered[k] = true
                } else if !headline, let run = divisionName(words, k, sentence, covered)
                            ?? namedDivision(doc, words, k, sentence, covered) {
                    // Capitalized words the tagger left out before "province", "state" or the like
                    // ("Heilongjiang province", "Swat district"), or after "the town of".
                    let name = words[run].joined(separator: " ")
                    let key = Lexicon.key(name), place = lexicon.place(named: name)
                    spans.append(EntitySpan(tokens: run, type: .place, name: place?.name ?? name,
                                            gazetteerKey: place != nil || lexicon.regions[key] != nil ? key : nil))
                    for c in run { covered[c] = true }
                }
            }
        }
    }

    /// The names of a dateline: its place (a state or a place the gazetteers know), what follows
    /// the comma when the gazetteers know it, and the agency in brackets.
    private func datelineNames(_ doc: Document, _ words: [String], _ d: Dateline) -> [EntitySpan] {
        func named(_ r: Range<Int>) -> EntitySpan? {
            let name = Self.joinName(words[r])
            if let s = lexicon.state(named: name) { return stateSpan(r, s) }
            if let p = lexicon.place(named: name) { return EntitySpan(tokens: r, type: .place, name: p.name, gazetteerKey: Lexicon.key(name)) }
            if lexicon.regions[Lexicon.key(name)] != nil { return EntitySpan(tokens: r, type: .place, name: name, gazetteerKey: Lexicon.key(name)) }
            return nil
        }
        var out: [EntitySpan] = []
        if let p = named(d.place) { out.append(p) }
        if let r = d.region, let s = named(r) { out.append(s) }
        if let a = d.agency, words[a].contains(where: { isCapitalized($0) }) {
            let name = Self.joinName(words[a])
            out.append(EntitySpan(tokens: a, type: .organization, name: lexicon.organizations[Lexicon.key(name)] ?? name))
        }
        return out
    }

    /// The run of capitalized words from `k` (with "of", "for", "and" or "the" between two of them)
    /// that the tagger left out, when it has two words or more and ends in a noun for an
    /// organization ("Supreme National Security Council", "Office of the Special Inspector
    /// General"); a day or a month ends it.
    private func untaggedOrganization(_ doc: Document, _ words: [String], _ k: Int, _ sentence: Range<Int>, _ covered: [Bool]) -> Range<Int>? {
        guard let (run, type) = untaggedName(doc, words, k, sentence, covered), type == .organization else { return nil }
        return run
    }

    /// Capitalized words the tagger left out, as `untaggedOrganization` reads them, that end in a
    /// noun for an organization or in an event's head word ("the 2012 Summer Olympics").
    private func untaggedName(_ doc: Document, _ words: [String], _ k: Int, _ sentence: Range<Int>,
                              _ covered: [Bool]) -> (Range<Int>, EntityType)? {
        guard !GeneralVocabulary.functionWords.contains(words[k].lowercased()), doc.upos.count == words.count else { return nil }
        func name(_ j: Int) -> Bool { isFreeNameWord(words, j, sentence, covered) }
        var j = k
        func connector(_ j: Int) -> Bool {
            j > k && j + 1 < sentence.upperBound && ["of", "for", "and", "the"].contains(words[j])
                && (name(j + 1) || words[j + 1] == "the" && name(j + 2))
        }
        while name(j) || connector(j) {
            j += 1
        }
        // The tagger reads the run as a name: its head is a proper noun and no word of it is a verb
        // (not a title such as "Installed Biometrics and Got Excellent Service").
        guard j - k >= 2, doc.upos[j - 1] == "PROPN", !(k..<j).contains(where: { doc.upos[$0] == "VERB" }) else { return nil }
        let last = words[j - 1].lowercased()
        if lexicon.organizationHeads.contains(last) || lexicon.organizationNouns.contains(last) { return (k..<j, .organization) }
        if GeneralVocabulary.eventHeads.contains(last) { return (k..<j, .event) }
        return nil
    }

    /// Whether a name is what a place noun before "of" names: "the West Bank settlement of Ariel",
    /// "the town of Ramadi" (the parse hangs the name on the noun with "of").
    private func isNamedDivision(_ doc: Document, _ tokens: Range<Int>) -> Bool {
        let of = tokens.lowerBound - 1
        guard of >= 1, doc.heads.count == doc.tokens.count, doc.tokens[of].text == "of",
              let h = tokens.first(where: { !tokens.contains(doc.heads[$0]) }) else { return false }
        let noun = doc.heads[h]
        return noun >= 0 && noun < of && doc.heads[of] == h && doc.deprels[h].hasPrefix("nmod")
            && GeneralVocabulary.subdivisionNouns.contains(doc.tokens[noun].text)
    }

    /// The capitalized words from `k` (at most three) that a place noun and "of" name: "the
    /// northern town of Qaim".
    private func namedDivision(_ doc: Document, _ words: [String], _ k: Int, _ sentence: Range<Int>, _ covered: [Bool]) -> Range<Int>? {
        guard k >= 2, words[k - 1] == "of", GeneralVocabulary.subdivisionNouns.contains(words[k - 2]) else { return nil }
        var j = k
        while j - k < 3, isFreeNameWord(words, j, sentence, covered) { j += 1 }
        guard j > k, isNamedDivision(doc, k..<j) else { return nil }
        return k..<j
    }

    /// Whether the word at `j` is in the sentence, in no name yet, capitalized, and no day or month.
    private func isFreeNameWord(_ words: [String], _ j: Int, _ sentence: Range<Int>, _ covered: [Bool]) -> Bool {
        j < sentence.upperBound && !covered[j] && isCapitalized(words[j])
            && !GeneralVocabulary.dayAndMonthNames.contains(words[j].lowercased())
    }

    /// The capitalized words from `k` (at most three) that a lower-case noun for a division of a
    /// state follows ("Heilongjiang province", "Abia state"), when they are no common words or the
    /// gazetteers know them as a place.
    private func divisionName(_ words: [String], _ k: Int, _ sentence: Range<Int>, _ covered: [Bool]) -> Range<Int>? {
        var j = k
        while j < sentence.upperBound, j - k < 3, !covered[j], isCapitalized(words[j]) { j += 1 }
        guard j > k, j < sentence.upperBound, GeneralVocabulary.divisionNouns.contains(words[j]) else { return nil }
        let name = words[k..<j].joined(separator: " ")
        guard lexicon.place(named: name) != nil || lexicon.regions[Lexicon.key(name)] != nil
                || !words[k..<j].contains(where: { isCommonWord($0) }) else { return nil }
        return k..<j
    }

    /// Whether the word at `k` stands alone (no capitalized word beside it but a day or a month),
    /// is no given name, and names a state's capital or a city of a million people.
    private func isBigCity(_ words: [String], _ k: Int, _ sentence: Range<Int>) -> Bool {
        func name(_ j: Int) -> Bool {
            sentence.contains(j) && isCapitalized(words[j]) && !GeneralVocabulary.dayAndMonthNames.contains(words[j].lowercased())
        }
        guard !name(k - 1), !name(k + 1), !lexicon.givenNames.contains(words[k]),
              let place = lexicon.place(named: words[k]) else { return false }
        // After "in", "at" or "near", a city of a hundred thousand, even one whose name is also a
        // word: "held peace talks in Geneva" (a gin in WordNet).
        if k > sentence.lowerBound, ["in", "at", "near"].contains(words[k - 1]), place.population >= 100_000 { return true }
        guard !isCommonWord(words[k]) else { return false }
        let capital = place.country.flatMap { lexicon.states[$0] }.map { Lexicon.key($0.capital) == Lexicon.key(place.name) } ?? false
        return capital || place.population >= 1_000_000
    }

    /// How much of a tagged run can be a name: it stops at punctuation inside it ("Francis" + ", a
    /// brother"), at a possessive with no capitalized word after it ("Lykketoft" + "'s stewardship"),
    /// and at a lower-case word that is not a connector before a capitalized one ("Bank of America"
    /// keeps its "of"). The tagger sometimes runs a name on so.
    func saneLength(_ words: [String], _ run: Range<Int>) -> Int {
        for i in run.dropFirst() {
            let w = words[i]
            let next = i + 1 < run.upperBound ? words[i + 1] : nil
            // A mark ends it, but for those inside names; so do several ("**", Markdown's bold).
            if w.count == 1, let c = w.first, c.isPunctuation, !["-", ".", "&", "'", "’"].contains(w) { return i - run.lowerBound }
            if w.count > 1, !w.contains(where: { $0.isLetter || $0.isNumber }) { return i - run.lowerBound }
            if GeneralVocabulary.possessiveMarkers.contains(w), next.map({ !isCapitalized($0) }) ?? true { return i - run.lowerBound }
            if let f = w.first, f.isLowercase, w.allSatisfy(\.isLetter), words[i - 1] != "-" {
                let connector = GeneralVocabulary.nameConnectors.contains(w) || GeneralVocabulary.functionWords.contains(w)
                    || GeneralVocabulary.prepositions.contains(w)
                if !connector || !(next.map { isCapitalized($0) || $0 == "-" } ?? false) { return i - run.lowerBound }
            }
        }
        return run.count
    }

    /// The end of a name that runs on across hyphens the tokenizer cut: "Kim Jong" + "-il", "Ban
    /// Ki" + "-moon", "Michele Alliot" + "-Marie", "Rostov" + "-on-Don". The parts touch; the part
    /// after a hyphen is capitalized (and untagged, or for a person another person's), or, in a
    /// person's name, a short lower-case syllable ("il", "moon") or a particle before another
    /// hyphen ("on"). Not "Iraq-based", "U.S.-led" (a participle), nor "Israeli-Palestinian" or
    /// "US-Ukraine" (a state after the hyphen).
    private func hyphenatedEnd(_ doc: Document, _ words: [String], type: Substring, end: Int, limit: Int) -> Int {
        var e = end
        var afterParticle = false
        while e + 1 < limit, e > 0, words[e] == "-", doc.tokens[e].start == doc.tokens[e - 1].end,
              doc.tokens[e + 1].start == doc.tokens[e].end {
            let part = words[e + 1]
            // After a particle the name goes on, however the tagger tagged it ("on" + "-Don").
            let tag = afterParticle ? "O" : doc.entityTags[e + 1]
            let particle = part.count <= 3 && part.allSatisfy(\.isLowercase) && e + 3 < limit && words[e + 2] == "-"
                && doc.tokens[e + 2].start == doc.tokens[e + 1].end && isCapitalized(words[e + 3])
            let syllable = type == "PER" && part.count <= 4 && part.allSatisfy(\.isLowercase) && !part.hasSuffix("ed")
            let name = isCapitalized(part) && (tag == "O" || tag == "I-" + type || (type == "PER" && tag.hasSuffix("-PER")))
                && lookupState(words, e + 1, e + 2) == nil
            // Not a hyphenated title ("Arab League Secretary" + "-General"), which the name after it takes.
            guard particle || syllable || name, matchTitle(words, e - 1, limit) != 3 else { break }
            afterParticle = particle
            e += 2
            while e < limit, doc.entityTags[e] == "I-" + type || (type == "PER" && doc.entityTags[e] == "I-PER") { e += 1 }
        }
        return e
    }

    /// Names from capitalized runs (when no trained recognizer has tagged the document).
    private func namesFromCapitals(_ doc: Document, into spans: inout [EntitySpan]) {
        let words = doc.tokens.map(\.text)
        for sentence in doc.sentences {
            let headline = isHeadline(doc, sentence)
            var i = sentence.lowerBound
            while i < sentence.upperBound {
                guard isCapitalized(doc.tokens[i].text) else { i += 1; continue }
                var j = i + 1
                while j < sentence.upperBound {
                    let t = doc.tokens[j].text
                    if isCapitalized(t) { j += 1; continue }
                    if t == "-", j + 1 < sentence.upperBound, isCapitalized(doc.tokens[j + 1].text),
                       doc.tokens[j].start == doc.tokens[j - 1].end { j += 2; continue }
                    // A name particle: "al-Abadi", "el-Sisi".
                    if t.count <= 3, t.allSatisfy(\.isLowercase), j + 2 < sentence.upperBound, doc.tokens[j + 1].text == "-",
                       doc.tokens[j + 1].start == doc.tokens[j].end, isCapitalized(doc.tokens[j + 2].text) { j += 3; continue }
                    if GeneralVocabulary.nameConnectors.contains(t), t != "and", j + 1 < sentence.upperBound,
                       isCapitalized(doc.tokens[j + 1].text), !headline { j += 1; continue }
                    break
                }
                classify(doc, words, i..<j, sentenceStart: i == sentence.lowerBound, headline: headline, hint: nil, into: &spans)
                i = j
            }
        }
    }

    /// A state's capital standing for the state: the capital, a possessive, then (after any
    /// adjectives) an office or agent of a state ("Seoul's foreign minister", "Moscow's new
    /// ambassador", "Beijing's troops"). The span keeps its tokens and becomes the state's, as a
    /// demonym would.
    func capitalMetonym(_ doc: Document, _ span: EntitySpan) -> EntitySpan? {
        guard span.type == .place, let place = lexicon.place(named: span.name), let code = place.country,
              let state = lexicon.states[code], Lexicon.key(state.capital) == Lexicon.key(place.name) else { return nil }
        let t = span.tokens.upperBound
        guard t + 1 < doc.tokens.count, GeneralVocabulary.possessiveMarkers.contains(doc.tokens[t].text) else { return nil }
        // The first word after any adjectives ("Moscow's new ambassador"), lowercased.
        var n = t + 1
        let tagged = doc.upos.count == doc.tokens.count
        while n + 1 < doc.tokens.count, tagged, doc.upos[n] == "ADJ" { n += 1 }
        guard GeneralVocabulary.stateAgentWords.contains(doc.tokens[n].text.lowercased()) else { return nil }
        return stateSpan(span.tokens, state)
    }

    /// Surnames, pronouns and event noun phrases, then the spans in document order.
    private func addReferences(_ doc: inout Document, _ spans: [EntitySpan]) {
        var spans = spans
        // Surnames alone, and names seen in the body found again in headlines.
        let personLast = Dictionary(spans.filter { $0.type == .person && $0.name.contains(" ") }
            .map { (String($0.name.split(separator: " ").last!), $0.name) }, uniquingKeysWith: { a, _ in a })
        var covered = [Bool](repeating: false, count: doc.tokens.count)
        for s in spans { for t in s.tokens { covered[t] = true } }
        for (t, tok) in doc.tokens.enumerated() where !covered[t] && personLast[tok.text] != nil {
            spans.append(EntitySpan(tokens: t..<(t + 1), type: .person, name: tok.text))
            covered[t] = true
        }
        // A state's, place's or organization's name the document gives elsewhere, written the
        // same way, names it again where the tagger missed it ("GENEVA (Reuters) -", then "in Geneva").
        var known: [String: [([String], EntitySpan)]] = [:]
        for s in spans where [.state, .place, .organization].contains(s.type) && !s.isReference {
            let form = doc.tokens[s.tokens].map { $0.text.lowercased() }
            guard form.count <= 4, doc.tokens[s.tokens].contains(where: { isCapitalized($0.text) }) || form.count == 1 else { continue }
            known[form[0], default: []].append((form, s))
        }
        if !known.isEmpty {
            // (First letters, so that most words are passed over without lower-casing them.)
            let initials = Set(known.keys.compactMap { $0.unicodeScalars.first.map { Character($0).uppercased() } })
            for t in doc.tokens.indices where !covered[t] {
                guard let f = doc.tokens[t].text.first, initials.contains(String(f)), isCapitalized(doc.tokens[t].text),
                      let candidates = known[doc.tokens[t].text.lowercased()] else { continue }
                let fits = candidates.filter { c in
                    t + c.0.count <= doc.tokens.count
                        && (0..<c.0.count).allSatisfy { !covered[t + $0] && doc.tokens[t + $0].text.lowercased() == c.0[$0] }
                }
                guard let (form, s) = fits.max(by: { $0.0.count < $1.0.count }) else { continue }
                let end = t + form.count
                let sentence = doc.sentences[doc.sentenceIndex(ofToken: t)]
                // A lone word opening a sentence may be any word; and the name is a whole run of
                // capitals, not "Geneva" of "Geneva Conventions".
                if form.count == 1 && t == sentence.lowerBound { continue }
                if end < sentence.upperBound, isCapitalized(doc.tokens[end].text) { continue }
                if t > sentence.lowerBound, isCapitalized(doc.tokens[t - 1].text), t - 1 != sentence.lowerBound { continue }
                spans.append(EntitySpan(tokens: t..<end, type: s.type, name: s.name, gazetteerKey: s.gazetteerKey))
                for c in t..<end { covered[c] = true }
            }
        }
        // A place's name before a noun for a building or facility names that facility, a place of
        // its own: "Iraq's Abu Ghraib prison", "the Baiji refinery" (not "the Baiji refinery
        // workers", nor a division: "the Red Sea resort of Sharm el-Sheikh"). The town's gazetteer
        // entry is not the facility's.
        if doc.upos.count == doc.tokens.count {
            for k in spans.indices where spans[k].type == .place {
                let t = spans[k].tokens.upperBound
                guard t < doc.tokens.count, !covered[t], doc.upos[t] == "NOUN",
                      doc.sentenceIndex(ofToken: t) == doc.sentenceIndex(ofToken: t - 1),
                      doc.tokens[t].text == doc.tokens[t].text.lowercased(), lexicon.facilityNouns.contains(doc.tokens[t].text),
                      !GeneralVocabulary.subdivisionNouns.contains(doc.tokens[t].text), !lexicon.eventNouns.contains(doc.tokens[t].text),
                      t + 1 >= doc.tokens.count || !["NOUN", "PROPN"].contains(doc.upos[t + 1]) && doc.tokens[t + 1].text != "of"
                else { continue }
                spans[k].tokens = spans[k].tokens.lowerBound..<(t + 1)
                spans[k].name += " " + doc.tokens[t].text
                spans[k].gazetteerKey = nil
                covered[t] = true
            }
        }
        // Pronouns, roles and event noun phrases.
        let words = doc.tokens.map(\.text)
        for (t, tok) in doc.tokens.enumerated() where !covered[t] {
            let low = tok.text.lowercased()
            if GeneralVocabulary.personPronouns.contains(low) {
                spans.append(EntitySpan(tokens: t..<(t + 1), type: .person, name: low, isReference: true))
            } else if let len = roleReference(doc, words, t, covered) {
                // "the Prime Minister": the document's one person with that title (resolved later).
                let role = Self.joinName(doc.tokens[t..<(t + len)].map { Lexicon.key($0.text) })
                spans.append(EntitySpan(tokens: t..<(t + len), type: .person, name: role, isReference: true))
                for c in t..<(t + len) { covered[c] = true }
            } else if lexicon.eventNouns.contains(low) || (low.hasSuffix("s") && lexicon.eventNouns.contains(String(low.dropLast())))
                        || isOccurrenceSubject(doc, t) || isTwoWordEvent(words, t)
                        || low.utf8.count >= 8 && (doc.upos.count != doc.tokens.count || doc.upos[t] == "NOUN") && isCompoundEventNoun(low),
                      tok.text == low || writtenLowerCase(doc, t) && doc.upos.count == doc.tokens.count && doc.upos[t] == "NOUN",
                      doc.upos.count != doc.tokens.count || !["VERB", "AUX"].contains(doc.upos[t]),
                      let np = eventPhrase(doc, head: t, covered: covered) {
                // (A noun: not the verb of "the minister will meet", "rebels attack".)
                spans.append(np)
            }
        }
        // A person's name holds no possessive and no "and", whatever run it came from: "Ban
        // Ki-moon" + "'s High-level Panel", "Guterres" + "and Tiirkiye".
        spans = spans.compactMap { span in
            guard span.type == .person, !span.isReference,
                  let cut = span.tokens.dropFirst().first(where: { GeneralVocabulary.possessiveMarkers.contains(words[$0]) || words[$0] == "and" })
            else { return span }
            var kept = span
            kept.tokens = span.tokens.lowerBound..<cut
            kept.name = Self.joinName(words[kept.tokens])
            return kept
        }
        spans = joinedAcrossParticles(doc, words, spans)
        doc.spans = spans.sorted { ($0.tokens.lowerBound, $0.tokens.upperBound) < ($1.tokens.lowerBound, $1.tokens.upperBound) }
        // Re-point titleOf after sorting.
        for k in doc.spans.indices where doc.spans[k].titleOf != nil {
            let stateTok = doc.spans[k].titleOf!
            doc.spans[k].titleOf = doc.spans.firstIndex { $0.tokens.lowerBound == stateTok && [.state, .place].contains($0.type) }
        }
    }

    /// A person's name goes on across lower-case particles to the capitalized family name after
    /// them, which the tagger left out or took for another name: "Ursula" + "von der" + "Leyen",
    /// "Luiz Inacio Lula" + "da" + "Silva".
    private func joinedAcrossParticles(_ doc: Document, _ words: [String], _ spans: [EntitySpan]) -> [EntitySpan] {
        var spans = spans
        var dropped = Set<Int>()
        // The span that opens at each token, looked up once.
        var opening: [Int: Int] = [:]
        var covered = [Bool](repeating: false, count: words.count)
        for j in spans.indices {
            if opening[spans[j].tokens.lowerBound] == nil { opening[spans[j].tokens.lowerBound] = j }
            for c in spans[j].tokens where c < covered.count { covered[c] = true }
        }
        for k in spans.indices where spans[k].type == .person && !spans[k].isReference && !dropped.contains(k) {
            var t = spans[k].tokens.upperBound
            let sentenceEnd = doc.sentences[doc.sentenceIndex(ofToken: spans[k].tokens.lowerBound)].upperBound
            var particles = 0
            while t < sentenceEnd, particles < 3, GeneralVocabulary.surnameParticles.contains(words[t]) { t += 1; particles += 1 }
            guard particles > 0, t < sentenceEnd, isCapitalized(words[t]) else { continue }
            if covered[t] {
                // Another name there: a person's, or one word the gazetteer took for a town ("dos" +
                // "Santos"); not a state ("Revolucionarias de" + "Colombia" is no name).
                guard let j = opening[t], j != k, !dropped.contains(j), !spans[j].isReference,
                      spans[j].type == .person || spans[j].tokens.count == 1 && spans[j].type != .state else { continue }
                spans[k].tokens = spans[k].tokens.lowerBound..<spans[j].tokens.upperBound
                dropped.insert(j)
            } else {
                let low = words[t].lowercased()
                guard !GeneralVocabulary.functionWords.contains(low), !GeneralVocabulary.dayAndMonthNames.contains(low),
                      !GeneralVocabulary.oneWordTitles.contains(low) else { continue }
                spans[k].tokens = spans[k].tokens.lowerBound..<(t + 1)
            }
            spans[k].name = Self.joinName(words[spans[k].tokens])
            spans[k].gazetteerKey = nil
        }
        return spans.indices.filter { !dropped.contains($0) }.map { spans[$0] }
    }

    // MARK: - Classification of a capitalized run

    private func classify(_ doc: Document, _ words: [String], _ run: Range<Int>, sentenceStart: Bool, headline: Bool,
                          hint: EntityType?, into spans: inout [EntitySpan]) {
        var p = run.lowerBound
        var end = run.upperBound
        // A person's office after the name, in a salutation with no comma ("Your Excellency Volkan
        // Bozkir President of the General Assembly", "Mr. Antonio Guterres UN Secretary General"),
        // is no part of the name.
        if hint == .person, let q = officeAfterName(words, run) { end = q }
        var pendingState: Int? = nil // token index of a state/demonym just before a title
        var title: String? = nil
        var hint = hint
        // A run that is nothing but states' names is those states, whatever the tagger took it
        // for: "United Arab Emirates" tagged as an organization, "Costa Rica" as a person (a
        // person's one word may be a name: "Chad", "Jordan").
        if hint == .organization || hint == .event || hint == .person && (run.count >= 2 || !lexicon.givenNames.contains(words[run.lowerBound])),
           let states = stateList(words, run) {
            for (r, state) in states { spans.append(stateSpan(r, state)) }
            return
        }
        // A run that WordNet names as a group is that organization: "General Assembly" tagged as
        // the title "General" and a person, "Taliban" as a person.
        let runName = Self.joinName(words[run]), runKey = Lexicon.key(runName)
        if hint != .event, hint != .place || lexicon.place(named: runName) == nil,
           let name = lexicon.organizationNames[runKey], lexicon.state(named: name) == nil {
            spans.append(EntitySpan(tokens: run, type: .organization, name: lexicon.organizations[Lexicon.key(name)] ?? name))
            return
        }
        // And one that WordNet names as a place is that place: "Latin America", "Golan Heights"
        // tagged as a person.
        if hint == .person || hint == .organization, let name = lexicon.locationNames[runKey] {
            let place = lexicon.place(named: name)
            spans.append(EntitySpan(tokens: run, type: .place, name: place?.name ?? name, gazetteerKey: place != nil ? Lexicon.key(name) : nil))
            return
        }
        // A demonym before a person's name is the person's nationality, not part of the name:
        // "American" + "Lindsay Davenport" (tagged as one name, even as an organization: the
        // rest then opens with a given name or an uncommon word, and has no organization's head).
        if hint == .person || hint == .organization, end - p >= 3, lexicon.state(named: words[p]) == nil,
           let state = lexicon.stateForDemonym(words[p]), matchTitle(words, p + 1, end) == nil,
           lexicon.givenNames.contains(words[p + 1]) || hint == .person
            || (end - p <= 4 && !isCommonWord(words[p + 1])
                && !lexicon.organizationHeads.contains(words[end - 1].lowercased())) {
            spans.append(stateSpan(p..<(p + 1), state))
            p += 1
            hint = .person
        }
        // A capitalized common word opening a sentence is not a name ("Despite", "During"), nor is
        // one word there that the tagger calls a common noun, whatever the recognizer said ("Fire
        // broke out" tagged as an organization).
        if sentenceStart, end - p == 1, doc.upos.count == doc.tokens.count, doc.upos[p] == "NOUN", isCommonWord(words[p]),
           lookupState(words, p, end) == nil, lexicon.place(named: words[p]) == nil {
            return
        }
        if hint == nil && (sentenceStart || headline) {
            while p < end, GeneralVocabulary.functionWords.contains(words[p].lowercased()) { p += 1 }
            while p < end, lookupState(words, p, end) == nil, organization(named: words[p]) == nil,
                  lexicon.place(named: words[p]) == nil, matchTitle(words, p, end) == nil,
                  isCommonWord(words[p]) {
                p += 1
            }
        }
        // A state or demonym opening an organization's name is part of it: "Australian Trade
        // Commission", "Iraqi National Congress" (not "Iraqi" + a place "Trade Commission").
        if hint != .person, end - p >= 3, lexicon.organizationHeads.contains(words[end - 1].lowercased()),
           let (len, _) = lookupState(words, p, end), len < end - p - 1, matchTitle(words, p + len, end) == nil,
           innerTitle(words, p, end) == nil {
            hint = .organization
        }
        while p < end {
            if words[p] == "-" { p += 1; continue }
            // A state name, or a demonym standing for its state.
            if let (len, state) = lookupState(words, p, end),
               hint == nil || hint == .place || matchTitle(words, p + len, end) != nil {
                let followsTitle = matchTitle(words, p + len, end) != nil
                spans.append(stateSpan(p..<(p + len), state))
                if followsTitle { pendingState = p }
                p += len
                continue
            }
            if hint != .organization && hint != .event, let len = matchTitle(words, p, end) {
                var t = Self.joinName(words[p..<(p + len)]).lowercased()
                if t.contains(".") { t.removeAll { $0 == "." } }
                if t.contains("- ") { t = t.replacingOccurrences(of: "- ", with: "-") } // "Secretary- General"
                if t.count > 4, t.hasSuffix("s"), GeneralVocabulary.oneWordTitles.contains(String(t.dropLast())) { t.removeLast() } // "Presidents"
                if GeneralVocabulary.runTogetherTitles.contains(t),
                   let title = GeneralVocabulary.titles.first(where: { $0.count > 1 && $0.joined() == t }) {
                    t = title.joined(separator: " ") // "SecretaryGeneral"
                }
                // An office outranks an honorific: "His Excellency President X" is a president.
                if title == nil || GeneralVocabulary.honorifics.contains(title!) && !GeneralVocabulary.honorifics.contains(t) { title = t }
                p += len
                continue
            }
            // The rest of the run is one name.
            let rest = p..<end
            let text = Self.joinName(words[rest])
            let key = Lexicon.key(text)
            if (title != nil || hint == .person) && hint != .organization && hint != .event && !isPersonName(doc, words, rest, titled: title != nil) {
                return
            }
            // An office before a state's name is no person's title: "to the Secretary-General" +
            // "Cuba's support" ("Mr. Jordan" is somebody).
            if let t = title, !GeneralVocabulary.honorifics.contains(t), hint != .organization, hint != .event,
               let states = stateList(words, rest) {
                for (r, state) in states { spans.append(stateSpan(r, state)) }
                return
            }
            if title != nil && hint != .organization && hint != .event {
                spans.append(EntitySpan(tokens: rest, type: .person, name: text, title: title, titleOf: pendingState))
            } else if let hint {
                switch hint {
                case .place, .state:
                    if let place = lexicon.place(named: text) {
                        spans.append(EntitySpan(tokens: rest, type: .place, name: place.name, gazetteerKey: key))
                    } else {
                        spans.append(EntitySpan(tokens: rest, type: .place, name: text))
                    }
                case .organization:
                    spans.append(EntitySpan(tokens: rest, type: .organization, name: lexicon.organizations[key] ?? text))
                case .person, .event:
                    spans.append(EntitySpan(tokens: rest, type: hint, name: text))
                }
            } else if let org = organization(named: text) {
                spans.append(EntitySpan(tokens: rest, type: .organization, name: org))
            } else if let place = lexicon.place(named: text) {
                if let name = lexicon.placeAdjectives[key] { // "European"
                    spans.append(EntitySpan(tokens: rest, type: .place, name: name, gazetteerKey: Lexicon.key(name)))
                } else {
                    spans.append(EntitySpan(tokens: rest, type: .place, name: place.name, gazetteerKey: key))
                }
            } else if let name = lexicon.placeAdjectives[key] {
                spans.append(EntitySpan(tokens: rest, type: .place, name: name, gazetteerKey: Lexicon.key(name)))
            } else if rest.count >= 2, let last = words[rest].last?.lowercased() {
                if lexicon.organizationHeads.contains(last) {
                    spans.append(EntitySpan(tokens: rest, type: .organization, name: text))
                } else if GeneralVocabulary.placeHeads.contains(last) {
                    spans.append(EntitySpan(tokens: rest, type: .place, name: text))
                } else if GeneralVocabulary.eventHeads.contains(last) || lexicon.eventNouns.contains(last) {
                    spans.append(EntitySpan(tokens: rest, type: .event, name: text))
                } else if !headline, rest.count <= 4, !words[rest].allSatisfy({ $0.count > 1 && $0 == $0.uppercased() }) || rest.count <= 2,
                          lexicon.givenNames.contains(words[p]) || words[rest].allSatisfy({ !isCommonWord($0) && $0.count > 1 }) {
                    spans.append(EntitySpan(tokens: rest, type: .person, name: text))
                }
            } else if rest.count == 1, isAcronym(words[p]) {
                spans.append(EntitySpan(tokens: rest, type: .organization, name: words[p]))
            }
            return
        }
    }

    /// The length and state of a state's name of two to six words from `p` that has a word inside
    /// in lower case ("Trinidad and Tobago", "Côte d'Ivoire", "Democratic Republic of the Congo").
    private func connectedStateName(_ words: [String], _ p: Int, _ end: Int) -> (Int, StateInfo)? {
        // (Cheap tests first: a lower-case word between capitalized ones follows within five words.)
        guard p + 2 < end, isCapitalized(words[p]),
              ((p + 1)..<min(p + 5, end - 1)).contains(where: { words[$0].first?.isLowercase == true && isCapitalized(words[$0 + 1]) }),
              stateFirstWords.contains(Self.firstWord(Lexicon.key(words[p]))) else { return nil }
        for len in stride(from: min(6, end - p), through: 2, by: -1) where isCapitalized(words[p + len - 1]) || words[p + len - 1].first?.isLowercase == true {
            let phrase = words[p..<(p + len)]
            guard phrase.dropFirst().contains(where: { $0.first?.isLowercase == true }),
                  let state = lexicon.state(named: phrase.joined(separator: " ")) else { continue }
            return (len, state)
        }
        return nil
    }

    /// The states a run names, when it is nothing but states' names joined by "and", "&" or
    /// commas ("Costa Rica", "the Czech Republic and Papua New Guinea"); demonyms do not count.
    private func stateList(_ words: [String], _ run: Range<Int>) -> [(Range<Int>, StateInfo)]? {
        var out: [(Range<Int>, StateInfo)] = []
        var p = run.lowerBound
        while p < run.upperBound {
            if !out.isEmpty {
                guard [",", "and", "&"].contains(words[p]), p + 1 < run.upperBound else { return nil }
                p += 1
            }
            guard let len = stride(from: min(6, run.upperBound - p), through: 1, by: -1).first(where: { n in
                lexicon.state(named: Self.joinName(words[p..<(p + n)])) != nil
            }), let state = stateNamed(Self.joinName(words[p..<(p + len)])) else { return nil }
            out.append((p..<(p + len), state))
            p += len
        }
        return out.isEmpty ? nil : out
    }

    /// The state a phrase names; a short alias ("US", "UK") counts only in capitals.
    private func stateNamed(_ phrase: String) -> StateInfo? {
        guard let s = lexicon.state(named: phrase),
              Lexicon.key(phrase).count > 3 || phrase.unicodeScalars.allSatisfy({ !$0.properties.isLowercase }) else { return nil }
        return s
    }

    /// A span for a state the gazetteers know.
    private func stateSpan(_ tokens: Range<Int>, _ state: StateInfo) -> EntitySpan {
        EntitySpan(tokens: tokens, type: .state, name: state.name, gazetteerKey: state.code)
    }

    private func lookupState(_ words: [String], _ p: Int, _ end: Int) -> (Int, StateInfo)? {
        var len = min(6, end - p)
        // The key of a phrase opens with that of its first word (keys drop periods and fold white
        // space), unless that is empty: a state alias must open with it too.
        let first = Self.firstWord(Lexicon.key(words[p]))
        if !first.isEmpty && !stateFirstWords.contains(first) && !first.hasSuffix("-") { len = 0 }
        while len >= 1 {
            if let s = stateNamed(Self.joinName(words[p..<(p + len)])) { return (len, s) } // "Timor-Leste", cut at its hyphen
            len -= 1
        }
        if p + 1 < end, let s = lexicon.stateForDemonym(words[p] + " " + words[p + 1]) { return (2, s) }
        if let s = lexicon.stateForDemonym(words[p]) { return (1, s) }
        return nil
    }

    private func matchTitle(_ words: [String], _ p: Int, _ end: Int) -> Int? {
        guard p < end else { return nil }
        // A deputy's or an assistant's title is a title: "Deputy Secretary of State", "Assistant
        // Secretary-General" (not a deputy alone: "deputy" + a name).
        if p + 2 < end, Self.titlePrefixes.contains(Lexicon.key(words[p])),
           let rest = matchTitle(words, p + 1, end), !GeneralVocabulary.honorifics.contains(Lexicon.key(words[p + 1])) {
            return 1 + rest
        }
        // A hyphenated title the tokenizer cut in three: "Secretary - General".
        if p + 3 < end, words[p + 1] == "-",
           let hyphenated = titlesByFirstWord[Lexicon.key(words[p] + "-" + words[p + 2])], hyphenated.contains(where: { $0.count == 1 }) {
            return 3
        }
        // A hyphen the tokenizer left on the first part: "Secretary-" + "General".
        if p + 2 < end, words[p].hasSuffix("-"), words[p].count > 1,
           let hyphenated = titlesByFirstWord[Lexicon.key(words[p] + words[p + 1])], hyphenated.contains(where: { $0.count == 1 }) {
            return 2
        }
        // "H.E." (His or Her Excellency), written with its periods ("He" is a pronoun).
        if p + 1 < end, words[p] == "H.E." || words[p] == "H.E" { return 1 }
        // A title of several words run together ("SecretaryGeneral"), or a one-word title in the
        // plural before names ("Presidents" + "X and Y").
        if p + 1 < end {
            let k = Lexicon.key(words[p])
            if GeneralVocabulary.runTogetherTitles.contains(k) { return 1 }
            if k.count > 4, k.hasSuffix("s"), GeneralVocabulary.oneWordTitles.contains(String(k.dropLast())),
               !GeneralVocabulary.honorifics.contains(String(k.dropLast())) {
                return 1
            }
        }
        // The lookup keys of words[p...], computed once each rather than once per title.
        var keys = [Lexicon.key(words[p])]
        guard let titles = titlesByFirstWord[keys[0]] else { return nil }
        func key(_ k: Int) -> String {
            while keys.count <= k { keys.append(Lexicon.key(words[p + keys.count])) }
            return keys[k]
        }
        for title in titles where p + title.count < end { // a name must follow
            var ok = true
            for (k, w) in title.enumerated() where key(k) != w { ok = false; break }
            if ok { return title.count }
        }
        return nil
    }

    /// Where an office closes the run of a person's name: a title that is no given name's ("Pope",
    /// "King"), maybe after an organization's acronym ("UN Secretary General"), after two words
    /// that are no title's.
    private func officeAfterName(_ words: [String], _ run: Range<Int>) -> Int? {
        guard run.count >= 3 else { return nil }
        for q in (run.lowerBound + 2)..<run.upperBound
        where !Self.titleWords.contains(Lexicon.key(words[q - 1])) && !Self.titleWords.contains(Lexicon.key(words[q - 2])) {
            let t = q + 1 < run.upperBound && isAcronym(words[q]) ? q + 1 : q
            let first = Lexicon.key(words[t])
            guard !GeneralVocabulary.givenNameTitles.contains(first), !GeneralVocabulary.honorifics.contains(first),
                  let len = matchTitle(words, t, run.upperBound + 1), t + len == run.upperBound else { continue }
            return q
        }
        return nil
    }

    /// Whether a noun and the word before it are one of WordNet's events of two words ("military
    /// operations", "air strike", "hunger strike"), the noun's own word being none.
    private func isTwoWordEvent(_ words: [String], _ t: Int) -> Bool {
        guard t > 0 else { return false }
        let before = words[t - 1], low = words[t]
        let singular = low.hasSuffix("s") ? String(low.dropLast()) : low
        guard lexicon.twoWordEventEnds.contains(low) || lexicon.twoWordEventEnds.contains(singular),
              before.first?.isLowercase == true, low.first?.isLowercase == true else { return false }
        return lexicon.eventNouns.contains(before + " " + low) || lexicon.eventNouns.contains(before + " " + singular)
    }

    /// Words that make a deputy's office of a title: "Deputy", "Assistant", "Under".
    private static let titlePrefixes: Set<String> = ["deputy", "assistant", "under", "associate", "acting"]

    /// Every word of a title ("prime", "minister", "secretary", "general").
    private static let titleWords = Set(GeneralVocabulary.titles.joined())

    /// Where a person's title starts inside the run a..<e, after at least one word and before at
    /// least one capitalized word, when the run does not end in an organization's head word
    /// ("Palestinian Authority President Mahmoud Abbas", not "Office of the Secretary of State" or
    /// "United Nations General Assembly").
    private func innerTitle(_ words: [String], _ a: Int, _ e: Int) -> Int? {
        guard e - a >= 3, !lexicon.organizationHeads.contains(words[e - 1].lowercased()) else { return nil }
        for m in (a + 1)..<(e - 1) where words[m - 1] != "-" {
            // The words after the title are a name: not all common words ("United Nations General"
            // + "Assembly"), unless a given name opens them.
            guard isCapitalized(words[m]), let len = matchTitle(words, m, e),
                  words[(m + len)..<e].allSatisfy({ isCapitalized($0) }),
                  lexicon.givenNames.contains(words[m + len]) || !words[(m + len)..<e].allSatisfy({ isCommonWord($0) }),
                  !GeneralVocabulary.honorifics.contains(words[m].lowercased()) else { continue }
            return m
        }
        return nil
    }

    /// The length of a person's title after "the" that no name or noun follows ("the Prime Minister
    /// said", "the president's visit"), not a role "of" something ("the President of Kenya").
    private func roleReference(_ doc: Document, _ words: [String], _ t: Int, _ covered: [Bool]) -> Int? {
        guard t > 0, words[t - 1] == "the" || words[t - 1] == "The", !covered[t - 1], titlesByFirstWord[Lexicon.key(words[t])] != nil
        else { return nil }
        let end = doc.sentences[doc.sentenceIndex(ofToken: t)].upperBound
        guard let len = matchTitle(words, t, end + 1), !GeneralVocabulary.honorifics.contains(Lexicon.key(words[t])),
              !(t..<(t + len)).contains(where: { covered[$0] }) else { return nil }
        if t + len < end {
            let next = words[t + len]
            // The title heads its phrase: not "the chief economist".
            guard !isCapitalized(next), !["of", "-", "for"].contains(next.lowercased()),
                  doc.upos.count != doc.tokens.count || !["NOUN", "PROPN", "NUM"].contains(doc.upos[t + len]) else { return nil }
        }
        return len
    }

    /// Whether a common noun is the subject of a verb that says something happened ("privatizations
    /// took place", "the fighting broke out", "a crash occurred"): what happens is an event,
    /// whatever the dictionary says its noun first means. People are not ("police").
    func isOccurrenceSubject(_ doc: Document, _ t: Int) -> Bool {
        guard doc.heads.count == doc.tokens.count, doc.upos.count == doc.tokens.count, doc.lemmas.count == doc.tokens.count,
              doc.upos[t] == "NOUN", doc.deprels[t] == "nsubj", doc.heads[t] >= 0 else { return false }
        let v = doc.heads[t]
        let noun = doc.lemmas[t] == "_" ? doc.tokens[t].text.lowercased() : doc.lemmas[t]
        guard !lexicon.personNouns.contains(noun), !lexicon.peopleNouns.contains(noun) else { return false }
        func has(_ word: String, _ rel: String) -> Bool {
            doc.sentences.isEmpty ? false : doc.sentences[doc.sentenceIndex(ofToken: v)].contains {
                doc.heads[$0] == v && doc.tokens[$0].text.lowercased() == word && doc.deprels[$0].hasPrefix(rel)
            }
        }
        switch doc.lemmas[v] {
        case "occur", "happen", "erupt", "recur": return true
        case "take": return has("place", "obj")
        case "break", "flare": return has("out", "compound:prt") || has("up", "compound:prt")
        default: return false
        }
    }

    /// "a virtual summit", "the ceasefire agreement": an event named by a common noun.
    private func eventPhrase(_ doc: Document, head: Int, covered: [Bool]) -> EntitySpan? {
        var start = head
        var k = head - 1
        var definite = false
        var found = false
        let parsed = doc.heads.count == doc.tokens.count
        while k >= 0 && head - k <= 4 {
            let w = doc.tokens[k].text
            let low = w.lowercased()
            if GeneralVocabulary.determiners.contains(low) || low == "'s" || low == "’s" {
                definite = low == "the"
                found = true
                break
            }
            // A word the parse hangs outside the phrase ends it: not "navy held" in "the navy held
            // exercises".
            if parsed, !(k + 1...head).contains(doc.heads[k]) { break }
            if hyphenedToName(doc, k, covered) {
                // A modifier that opens the phrase as a determiner would ("the NATO-led mission").
                found = true
                break
            }
            guard writtenLowerCase(doc, k),
                  !covered[k], !GeneralVocabulary.functionWords.contains(low),
                  !GeneralVocabulary.prepositions.contains(low), w.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" }),
                  lexicon.verbLemma(low) == nil || lexicon.eventNouns.contains(low) || lexicon.commonWords.contains(low) else { break }
            start = k
            k -= 1
        }
        if !found {
            // A bare noun that a verb takes as its argument ("held talks", "staged large protests"),
            // or a noun's ("a series of deadly bombings", "victims of bomb blasts in Bali").
            guard doc.upos.count == doc.tokens.count, doc.deprels.count == doc.tokens.count, doc.upos[head] == "NOUN",
                  ["obj", "nsubj", "nsubj:pass", "obl", "nmod", "xcomp", "conj", "appos", "iobj"].contains(doc.deprels[head]) else { return nil }
            start = head
            while start - 1 >= 0, !covered[start - 1], doc.heads[start - 1] == head,
                  ["amod", "compound"].contains(doc.deprels[start - 1]),
                  doc.tokens[start - 1].text == doc.tokens[start - 1].text.lowercased() || doc.opensSentence(start - 1),
                  doc.xpos.count != doc.tokens.count || doc.xpos[start - 1] != "VBG", // not "following" talks
                  !hyphenedToName(doc, start - 1, covered),
                  doc.tokens[start - 1].text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" }) {
                start -= 1
            }
        }
        let temporal: Set<String> = ["recent", "first", "last", "next", "new", "previous", "upcoming", "latest", "earlier", "later", "ongoing", "planned"]
        // (The first word of a sentence in lower case: "Protests erupted" names "protests".)
        let nameWords = (start...head).map { doc.opensSentence($0) ? doc.tokens[$0].text.lowercased() : doc.tokens[$0].text }
            .filter { !temporal.contains($0) }
        return EntitySpan(tokens: start..<(head + 1), type: .event, name: nameWords.joined(separator: " "),
                          isReference: definite, isCommonNoun: true)
    }

    /// Whether a word WordNet does not know is a noun it knows written together with an event
    /// noun of five letters or more: "airstrike" (air + strike), "gunbattle" (gun + battle), or
    /// an event noun WordNet writes in two words ("ceasefire");
    /// not an inflected verb ("protesting") nor any word WordNet has ("disagreement").
    func isCompoundEventNoun(_ word: String) -> Bool {
        let w = word.hasSuffix("s") ? String(word.dropLast()) : word
        guard w.count >= 8, w.unicodeScalars.allSatisfy({ $0.properties.isLowercase }), !lexicon.commonWords.contains(w),
              !lexicon.commonWords.contains(word), lexicon.verbLemma(word) == nil else { return false }
        let chars = Array(w)
        for i in 3...(chars.count - 5) where lexicon.commonWords.contains(String(chars[..<i])) {
            if lexicon.eventNouns.contains(String(chars[i...])) { return true }
        }
        // Or an event noun WordNet writes with a hyphen or a space: "ceasefire" (cease-fire).
        for i in 2...(chars.count - 2) {
            let a = String(chars[..<i]), b = String(chars[i...])
            if lexicon.eventNouns.contains(a + "-" + b) || lexicon.eventNouns.contains(a + " " + b) { return true }
        }
        return false
    }

    /// Whether token `t` is written in lower case, or capitalized only as its sentence's first
    /// word ("Protests erupted").
    private func writtenLowerCase(_ doc: Document, _ t: Int) -> Bool {
        let w = doc.tokens[t].text, low = w.lowercased()
        return w == low || doc.opensSentence(t) && w == low.prefix(1).uppercased() + low.dropFirst()
    }

    /// Whether token `t` is joined by a hyphen to a name before it, the end of a modifier that is
    /// no part of an event's name: "led" of "the U.S.-led invasion" (the phrase is "invasion").
    private func hyphenedToName(_ doc: Document, _ t: Int, _ covered: [Bool]) -> Bool {
        t >= 2 && doc.tokens[t - 1].text == "-" && covered[t - 2]
    }

    // MARK: - Word tests

    /// Whether the words left for a person's name can be one. Not a title itself ("Mr." +
    /// "President", "Excellencies"), nor letters and digits ("A/70/PV.22"); and a single word that
    /// is no given name is not a plural of people ("Gentlemen", "Women") nor, unless after a
    /// title, a word of six letters or more that WordNet never gives a person ("Development";
    /// "Bush", "Rice" and "Young" are people there; shorter words are often given names: "Bill",
    /// "Mike") or a doctrine ("Multilateralism").
    func isPersonName(_ doc: Document, _ words: [String], _ rest: Range<Int>, titled: Bool) -> Bool {
        guard rest.contains(where: { words[$0].contains(where: \.isLetter) }),
              !rest.contains(where: { words[$0].contains(where: \.isNumber) }) else { return false }
        let keys = Lexicon.key(Self.joinName(words[rest])).split(separator: " ").map(String.init)
        if let first = keys.first, titlesByFirstWord[first]?.contains(keys) == true { return false }
        guard rest.count == 1, !lexicon.givenNames.contains(words[rest.lowerBound]) else { return true }
        let low = words[rest.lowerBound].lowercased()
        if GeneralVocabulary.honorifics.contains(low) { return false }
        let singular = Lemmatizer(lexicon: lexicon).lemma(low, upos: "NOUN", xpos: "NNS")
        if singular != low, singular != "_", lexicon.personNouns.contains(singular) { return false }
        if !titled, low.count >= 6, lexicon.commonWords.contains(low) && !lexicon.peopleNouns.contains(low) || low.hasSuffix("ism") {
            return false
        }
        return true
    }

    func isCapitalized(_ w: String) -> Bool {
        // Printable ASCII (most words) is one character per byte, where only A-Z are uppercase,
        // only a-z lowercase and only letters alphabetic: the same tests, on bytes.
        let u = w.utf8
        if u.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            func upper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
            func lower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
            if let h = u.firstIndex(of: UInt8(ascii: "-")), (1...3).contains(u.distance(from: u.startIndex, to: h)),
               u.index(after: h) < u.endIndex, upper(u[u.index(after: h)]), u[..<h].allSatisfy(lower) {
                return true
            }
            guard let f = u.first, upper(f) else { return false }
            return u.contains { upper($0) || lower($0) }
        }
        // "al-Abadi", "el-Sisi": a short lowercase particle joined to a capitalized name.
        if let h = w.firstIndex(of: "-"), (1...3).contains(w.distance(from: w.startIndex, to: h)),
           let after = w[w.index(after: h)...].unicodeScalars.first, after.properties.isUppercase,
           w[..<h].allSatisfy(\.isLowercase) {
            return true
        }
        guard let f = w.unicodeScalars.first, f.properties.isUppercase else { return false }
        return w.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// The organization the gazetteer knows by this name; an acronym that spells an English word
    /// only in capitals ("FIRE", not "Fire" opening a sentence; "Nato" is no word).
    func organization(named text: String) -> String? {
        guard let org = lexicon.organizations[Lexicon.key(text)] else { return nil }
        let letters = org.unicodeScalars.filter(\.properties.isAlphabetic)
        if letters.count >= 2, letters.allSatisfy(\.properties.isUppercase),
           !text.unicodeScalars.filter(\.properties.isAlphabetic).allSatisfy(\.properties.isUppercase), isCommonWord(text) {
            return nil
        }
        return org
    }

    func isAcronym(_ w: String) -> Bool {
        let letters = w.unicodeScalars.filter { $0 != "." }
        return letters.count >= 2 && letters.count <= 6 && letters.allSatisfy { $0.properties.isUppercase }
            && lexicon.organizations[Lexicon.key(w)] != nil
    }

    func isCommonWord(_ w: String) -> Bool {
        let low = w.lowercased()
        return lexicon.commonWords.contains(low) || GeneralVocabulary.functionWords.contains(low)
            || lexicon.verbLemma(low) != nil
    }

    /// Words joined by spaces, the tokenizer's hyphens closed up again ("Rostov - on - Don" ->
    /// "Rostov-on-Don").
    static func joinName<C: Collection<String>>(_ words: C) -> String {
        var s = words.joined(separator: " ")
        if words.contains("-") { s = s.replacingOccurrences(of: " - ", with: "-") }
        // A word cut at a line's end keeps its hyphen on the first part: "Timor-" + "Leste".
        if words.dropLast().contains(where: { $0.count > 2 && $0.hasSuffix("-") }) { s = s.replacingOccurrences(of: "- ", with: "-") }
        return s
    }

    /// Marks that may close a sentence after its full stop.
    static let closers: Set<String> = ["\"", "'", "”", "’", ")", "»", "''"]

    /// A title-case line such as a headline: most of its longer words capitalized, no final period.
    func isHeadline(_ doc: Document, _ sentence: Range<Int>) -> Bool {
        // (A sentence may end inside quotes or brackets: 'called him "the devil."')
        guard let last = doc.tokens[sentence].last(where: { !Self.closers.contains($0.text) }), last.text != "." else { return false }
        let words = doc.tokens[sentence].map(\.text).filter { $0.count > 3 && $0.unicodeScalars.allSatisfy { $0.properties.isAlphabetic } }
        guard words.count >= 3 else { return false }
        return Double(words.filter(isCapitalized).count) / Double(words.count) >= 0.6
    }
}
