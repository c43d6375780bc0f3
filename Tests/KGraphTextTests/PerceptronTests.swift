import Testing
@testable import KGraphText

@Suite struct PerceptronTests {
    /// A trainer whose every weight was set at the first decision and kept for `ticks` decisions,
    /// so its averaged weight is the weight itself.
    func trainer(_ weights: [(key: UInt64, cls: Int, w: Int32)], ticks: Int = 4) -> PerceptronTrainer {
        var t = PerceptronTrainer()
        for (k, c, w) in weights { t.update([t.intern(k)], cls: c, by: w) }
        for _ in 0..<ticks { t.tick() }
        return t
    }

    @Test func membersAverageToTheMeanOfTheirWeights() {
        let a = trainer([(1, 0, 4), (1, 2, -2), (7, 1, 6)])
        let b = trainer([(1, 0, 2), (9, 3, 8)])
        let mean = PerceptronTrainer.averaged([a, b], pruneBelow: 0)
        var scores = [Float](repeating: 0, count: 4)
        mean.score([1], into: &scores)
        #expect(scores == [3, 0, -1, 0])
        scores = [0, 0, 0, 0]
        mean.score([7, 9], into: &scores)
        #expect(scores == [0, 3, 0, 4])
        // Pruning applies to the mean: |−1| and 3 fall below 3.5, 4 does not.
        let pruned = PerceptronTrainer.averaged([a, b], pruneBelow: 3.5)
        #expect(pruned.rowCount == 1 && pruned.entryCount == 1)
        // One member is the member's own average, and the same member twice changes nothing.
        let one = PerceptronTrainer.averaged([a], pruneBelow: 0), alone = a.averaged(pruneBelow: 0)
        let twice = PerceptronTrainer.averaged([a, a], pruneBelow: 0)
        #expect(one.keys == alone.keys && one.weights == alone.weights)
        #expect(twice.keys == alone.keys && twice.weights == alone.weights)
    }
}
