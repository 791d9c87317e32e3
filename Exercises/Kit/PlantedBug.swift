/// The first line of every debugging exercise in the workbook: the function
/// below it holds a planted bug, and the checker reports the exercise as
/// "not started" until the reader deletes this line (after finding and
/// fixing the bug; the check then tells whether they did).
public func bugStillPlanted() throws {
    throw NotStarted()
}
