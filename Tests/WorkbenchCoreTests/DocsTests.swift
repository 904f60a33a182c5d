import Foundation
import Testing

@testable import WorkbenchModel
@testable import WorkbenchScripting

@Suite struct DocsTests {
    @Test func modelReferenceIsUpToDate() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let committed = try String(contentsOf: root.appendingPathComponent("docs/model.md"), encoding: .utf8)
        #expect(
            committed == ModelDocs.markdown(),
            "docs/model.md is stale: regenerate it with `workbench docs > docs/model.md`")
    }
}
