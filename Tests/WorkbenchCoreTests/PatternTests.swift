import Testing

@testable import WorkbenchLua
@testable import WorkbenchScripting

/// The stoppable pattern matcher behaves like Lua's own, and stops where Lua's would hang.
@Suite struct PatternTests {
    /// Runs `code` in a state and returns what it returns, as one string.
    private func eval(_ code: String, stoppable: Bool) throws -> String {
        let state = LuaState(stoppablePatterns: stoppable)
        try state.load(
            "local function show(...) local t = table.pack(...) for i = 1, t.n do t[i] = tostring(t[i]) end return table.concat(t, '|') end\n"
                + code, chunkName: "=t")
        try state.call(nargs: 0, nresults: 1)
        return state.lua.string(at: -1) ?? "(nil)"
    }

    static let cases: [String] = [
        "return show(('hello world'):find('o w'))",
        "return show(('hello world'):find('l+'))",
        "return show(('hello world'):find('(l+)(o)'))",
        "return show(('hello world'):find('o', 6))",
        "return show(('hello world'):find('o', -3))",
        "return show(('hello world'):find('.', 1, true))",
        "return show(('hello'):find(''))",
        "return show(('hello'):find('', 10))",
        "return show(('key = value'):match('^(%w+)%s*=%s*(%w+)$'))",
        "return show(('  trim  '):match('^%s*(.-)%s*$'))",
        "return show(('THE (quick) fox'):find('%((%a+)%)'))",
        "return show(('f(a(b)c)d'):match('%b()'))",
        "return show(('THE (quick) fox'):find('%f[%a]%a+', 5))",
        "return show(('hello'):match('()ll()'))",
        "return show(('abcabc'):match('(a)(b)c%1%2'))",
        "return show(('x=1, y=22'):gsub('(%w+)=(%w+)', '%2=%1'))",
        "return show(('hello world'):gsub('o', '0', 1))",
        "return show(('hello'):gsub('', '-'))",
        "return show(('abc'):gsub('%w', '%0%0'))",
        "return show(('$name is $age'):gsub('%$(%w+)', {name = 'Ann', age = 30}))",
        "return show(('1 2 3'):gsub('%d', function(d) return d * 2 end))",
        "return show(('abc'):gsub('b', function() return false end))",
        "return show(('  a  b  '):gsub('^%s+', ''))",
        "local t = {} for k, v in ('a=1, b=2'):gmatch('(%w+)=(%w+)') do t[#t+1] = k .. v end return table.concat(t, ',')",
        "local t = {} for w in ('one two  three'):gmatch('%a+') do t[#t+1] = w end return table.concat(t, ',')",
        "local t = {} for p in ('abc'):gmatch('()') do t[#t+1] = p end return table.concat(t, ',')",
        "return show(('[x]'):find('[]]'))",
        "return show(('a-b'):find('[a%-]+'))",
        "return show(('a.b'):match('^[^.]+'))",
        "return show(('2026-01-30'):match('(%d+)-(%d+)-(%d+)'))",
        "return show(('Iskander-M'):match('^%u%l+%-%u$'))",
        "return show(pcall(string.find, 'x', '[a'))",
        "return show(pcall(string.find, 'x', '%'))",
        "return show(pcall(string.gsub, 'x', 'x', '%2'))",
        "return show(pcall(string.match, 'x', '(x'))",
    ]

    @Test(arguments: cases)
    func matchesLuaItself(_ code: String) throws {
        let ours = try eval(code, stoppable: true)
        let theirs = try eval(code, stoppable: false)
        #expect(ours == theirs, "ours: \(ours) — Lua: \(theirs)")
    }

    @Test func pathologicalPatternsStopAtTheBudget() throws {
        let state = LuaState()
        state.timeout = 0.5
        do {
            try state.run("local s = ('a'):rep(40000) return s:find(('.-'):rep(12) .. 'b')")
            Issue.record("expected a stop")
        } catch {
            #expect(error.message.contains("time budget"))
        }
    }
}
