import Foundation

/// The site model filtered for one target: the pages whose audiences meet the target's, and
/// what is worked out from those alone (menu sections, language versions, role relations,
/// each role's part in the routines). Plain data, no rendering; every generator of the
/// target reads it.
struct TargetView: Sendable {
    private(set) var site: Site
    let target: Target
    /// The pages this target holds, in source order.
    private(set) var pages: [Page]
    private let included: Set<String>
    /// Worked out once, not per page: every page's menu needs them.
    let sections: [Section]
    /// The language versions of each page id in this target.
    let versionsByID: [String: [Page]]
    let roleRelations: [String: RoleRelations]
    /// Each role's part in the target's routines, for the matrix and the role pages.
    let participation: [String: [(routine: Page, part: RolePart)]]
    /// A target with staff routines gets the review overview and the who-does-what matrix.
    let hasStaffOverviews: Bool

    init(site: Site, target: Target) {
        self.site = site
        self.target = target
        let pages = site.pages.filter { target.includes($0.audiences) }
        self.pages = pages
        included = Set(pages.map(\.sourcePath))
        sections = Self.sections(of: pages)
        versionsByID = Dictionary(grouping: pages, by: \.id).mapValues { $0.sorted { $0.language < $1.language } }
        roleRelations = RoleRelations.all(among: pages)
        let routines = pages.filter { $0.kind == .routine && !$0.isTranslation }
        participation = Self.participation(routines: routines, steps: site.steps)
        hasStaffOverviews = target.audiences.contains(.staff) && !routines.isEmpty
    }

    func contains(_ page: Page) -> Bool { included.contains(page.sourcePath) }

    /// Whether the target holds the page at a source path (`content/…`).
    func contains(_ sourcePath: String) -> Bool { included.contains(sourcePath) }

    /// The view of a site in which one page was replaced (`Site.replacing`, which allows
    /// only edits that leave what other pages show unchanged): the page's own text is new,
    /// for its rendering and its search excerpt; the rest stays.
    func replacing(_ page: Page, in site: Site) -> TargetView {
        var view = self
        view.site = site
        if let position = pages.firstIndex(where: { $0.sourcePath == page.sourcePath }) { view.pages[position] = page }
        return view
    }

    struct Section: Sendable {
        var name: String
        var pages: [Page]
    }

    /// Top-level folders with at least one page in this target, in the order readers expect.
    static func sections(of pages: [Page]) -> [Section] {
        let order = PageKind.allCases.map(\.folder)
        let grouped = Dictionary(grouping: pages.filter { !$0.section.isEmpty && !$0.isTranslation }, by: \.section)
        return grouped.keys.sorted { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }
            .map { Section(name: $0, pages: grouped[$0]!.sorted { $0.title < $1.title }) }
    }
}

/// The relations a role page shows: found by scanning the routines and interventions that name it.
public struct RoleRelations: Sendable {
    public var owns: [Page] = []
    public var takesPartIn: [Page] = []
    public var delivers: [Page] = []

    /// The relations of every role the pages name, in one pass over the pages.
    static func all(among pages: [Page]) -> [String: RoleRelations] {
        var relations: [String: RoleRelations] = [:]
        for page in pages where !page.isTranslation {
            if let routine = page.routine {
                relations[routine.owner.id, default: RoleRelations()].owns.append(page)
                for role in Set(routine.roles.map(\.id)) where role != routine.owner.id {
                    relations[role, default: RoleRelations()].takesPartIn.append(page)
                }
            }
            for role in Set(page.intervention?.deliveredBy.map(\.id) ?? []) {
                relations[role, default: RoleRelations()].delivers.append(page)
            }
        }
        return relations
    }
}

/// What a role does in a routine: owns it, is listed in its `roles`, and in which steps it acts.
struct RolePart: Sendable {
    var owner = false
    var listed = false
    var steps: [Int] = []
}

extension TargetView {
    /// Every role's part in every routine of the target, worked out once: role id to
    /// routines (by title) and the part it plays in each.
    static func participation(routines: [Page], steps: [String: [RoutineStep]]) -> [String: [(routine: Page, part: RolePart)]] {
        var byRole: [String: [String: RolePart]] = [:]
        var routineByPath: [String: Page] = [:]
        for routine in routines {
            guard let info = routine.routine else { continue }
            routineByPath[routine.sourcePath] = routine
            byRole[info.owner.id, default: [:]][routine.sourcePath, default: RolePart()].owner = true
            for role in info.roles { byRole[role.id, default: [:]][routine.sourcePath, default: RolePart()].listed = true }
            for step in steps[routine.sourcePath] ?? [] {
                for role in step.roles { byRole[role, default: [:]][routine.sourcePath, default: RolePart()].steps.append(step.number) }
            }
        }
        return byRole.mapValues { parts in
            parts.map { (routine: routineByPath[$0.key]!, part: $0.value) }.sorted { ($0.routine.title, $0.routine.sourcePath) < ($1.routine.title, $1.routine.sourcePath) }
        }
    }
}
