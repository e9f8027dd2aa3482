/// Names that are common in news everywhere (countries, capitals, large cities, U.S.
/// states, heads of state, major institutions): the prior `NameWeights` blends with the
/// archive's own counts. The list is data, with its sources, in `Data/common-names.tsv`;
/// `make schema` copies it into `CommonNames+Data.swift`.
public enum CommonNames {
  public enum Kind: String, Sendable, CaseIterable {
    case country, capital, city, state, leader, body

    /// The share of news documents a name of this kind is assumed to appear in.
    public var share: Double {
      switch self {
      case .country: return 0.20
      case .capital, .city, .state, .leader, .body: return 0.06
      }
    }
  }

  /// The kind of `name` (lowercase, as `KeyTerms` gives it), or `nil` for a name not listed.
  public static func kind(of name: String) -> Kind? {
    table[name]
  }

  /// The prior share of `name`: 0 for a name not listed.
  public static func share(of name: String) -> Double {
    table[name]?.share ?? 0
  }
}
