import FactArchiveFuzzing

// libFuzzer target for the feed reader (RSS, RDF, Atom, JSON Feed). `make fuzz` builds it in
// release with `-sanitize=fuzzer,address -D FUZZING`, and libFuzzer's `main` drives the
// function below; built plainly, it replays the inputs named as arguments.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeedReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  Fuzzing.stopIfBroken(ParserProperties.feedReader(Fuzzing.bytes(data, size)))
  return 0
}

#if !FUZZING
  @main enum FuzzFeedReader {
    static func main() {
      exit(Replay.run(CommandLine.arguments.dropFirst(), ParserProperties.feedReader))
    }
  }
#endif
