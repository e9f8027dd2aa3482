#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A one-line progress bar on stderr — files, articles per second, time left — drawn only
/// when stderr is a terminal, so pipes, cron mail and CI logs never see it.
final class ProgressBar {
  private let total: Int
  private let enabled: Bool
  private let start: Double
  private var lastDraw = 0.0
  private var done = 0
  private var articles = 0

  init(total: Int, enabled: Bool) {
    self.total = total
    self.enabled = enabled
    self.start = ProgressBar.now()
  }

  /// Whether a bar would be drawn: stderr is a terminal and output is not silenced.
  static func wanted(quiet: Bool) -> Bool {
    !quiet && Terminal.isTerminal(STDERR_FILENO)
  }

  func advance(articles count: Int) {
    done += 1
    articles += count
    guard enabled else { return }
    let now = ProgressBar.now()
    guard now - lastDraw >= 0.1 || done == total else { return }
    lastDraw = now
    draw(now)
  }

  func finish() {
    guard enabled else { return }
    Terminal.writeAll("\r\u{1B}[K", to: STDERR_FILENO)
  }

  private func draw(_ now: Double) {
    let elapsed = max(now - start, 0.001)
    let rate = Double(articles) / elapsed
    let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
    let width = 24
    let filled = Int(fraction * Double(width))
    let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
    let remaining = done > 0 ? elapsed / Double(done) * Double(max(0, total - done)) : 0
    let line =
      "\r[\(bar)] \(done)/\(total) files  \(Int(rate)) articles/s  ETA \(ProgressBar.clock(remaining))"
    Terminal.writeAll(line + "\u{1B}[K", to: STDERR_FILENO)
  }

  static func clock(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded())
    let minutes = whole / 60
    let rest = whole % 60
    return "\(minutes):" + (rest < 10 ? "0" : "") + String(rest)
  }

  static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }
}
