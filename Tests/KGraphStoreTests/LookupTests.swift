import Foundation
import KGraphModel
import Testing
@testable import KGraphStore

@Suite("Looking up names")
struct LookupTests {
    static let powell = person("Jonathan Powell")
    static let starmer = person("Keir Starmer")
    static let johnSmith = person("John Smith")
    static let janeSmith = person("Jane Smith")
    static let us = entity(.state, "United States", aliases: ["US", "USA"])
    static let georgiaState = entity(.state, "Georgia")
    static let georgiaPlace = entity(.place, "Georgia")
    static let washington = entity(.place, "Washington")
    static let georgeWashington = person("George Washington")
    static let nato = entity(.organization, "North Atlantic Treaty Organization", aliases: ["NATO"])
    static let smithCollege = entity(.organization, "Smith-Jones College")

    /// A store where every entity is mentioned once in news.txt.
    static func store(_ dir: TemporaryDirectory) throws -> GraphStore {
        let entities = [powell, starmer, johnSmith, janeSmith, us, georgiaState, georgiaPlace, washington, georgeWashington, nato, smithCollege]
        let store = try dir.store()
        try store.write(
            Graph(entities: entities, mentions: entities.enumerated().map { mention($1, "news.txt", $0 * 100) }),
            documents: [document("news.txt")])
        return store
    }

    @Test func exactName() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.store(dir)
        #expect(try store.lookup("Jonathan Powell") == .found(Self.powell))
        #expect(try store.lookup("Washington") == .found(Self.washington))
    }

    @Test func ignoresCasePeriodsAndSpaces() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.store(dir)
        #expect(try store.lookup("  jonathan   POWELL ") == .found(Self.powell))
        #expect(try store.lookup("keir starmer.") == .found(Self.starmer))
    }

    @Test func alias() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.store(dir)
        #expect(try store.lookup("U.S.") == .found(Self.us))
        #expect(try store.lookup("usa") == .found(Self.us))
        #expect(try store.lookup("Nato") == .found(Self.nato))
    }

    @Test func surname() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.store(dir)
        #expect(try store.lookup("Powell") == .found(Self.powell))
        #expect(try store.lookup("starmer") == .found(Self.starmer))
    }

    @Test func wholeWordOfAName() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.store(dir)
        #expect(try store.lookup("Atlantic") == .found(Self.nato))
        // Not a part of a word.
        #expect(try store.lookup("Atlant") != .found(Self.nato))
    }

    @Test func ambiguousNamesAreSortedByTypeThenName() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.store(dir)
        #expect(try store.lookup("georgia") == .ambiguous([Self.georgiaState, Self.georgiaPlace]))
        // A surname shared by two persons, and a word of an organization's name.
        #expect(try store.lookup("Smith") == .ambiguous([Self.janeSmith, Self.johnSmith, Self.smithCollege]))
    }

    @Test func unknownSuggestsCloseNames() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.store(dir)
        guard case .unknown(let suggestions) = try store.lookup("Powel") else {
            Issue.record("\"Powel\" should be unknown")
            return
        }
        #expect(suggestions.first == Self.powell)
        #expect(suggestions.count <= 5)

        guard case .unknown(let misspelt) = try store.lookup("Jonathon Powel") else {
            Issue.record("\"Jonathon Powel\" should be unknown")
            return
        }
        #expect(misspelt == [Self.powell])

        guard case .unknown(let prefix) = try store.lookup("Starm") else {
            Issue.record("\"Starm\" should be unknown")
            return
        }
        #expect(prefix == [Self.starmer])

        #expect(try store.lookup("Xylophone") == .unknown(suggestions: []))
        #expect(try store.lookup("   ") == .unknown(suggestions: []))
    }

    @Test func suggestionsAreAtMostFiveBestFirst() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let names = ["Anna Berg", "Anne Berg", "Hanna Berg", "Ann Berg", "Annie Berg", "Annika Berg", "Jana Berg"]
        let people = names.map { person($0) }
        try store.write(
            Graph(entities: people, mentions: people.enumerated().map { mention($1, "n.txt", $0 * 50) }),
            documents: [document("n.txt")])
        guard case .unknown(let suggestions) = try store.lookup("Anna Berq") else {
            Issue.record("\"Anna Berq\" should be unknown")
            return
        }
        #expect(suggestions.count == 5)
        #expect(suggestions.first?.name == "Anna Berg")
    }
}
