/// An error raised by Lua code, or by loading it, as seen from Swift.
package struct LuaError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure Lua reported.
    package enum Kind: Sendable, Equatable {
        case syntax
        case runtime
        case memory
        case handler
        /// Stopped by an interrupt, the time budget or the instruction budget.
        case stopped
    }

    package var kind: Kind
    /// The message as Lua formats it, e.g. `Scripts/x.lua:12: attempt to index a nil value`.
    package var message: String
    /// The `stack traceback:` lines, when the error passed through the traceback handler.
    package var traceback: String?

    package init(kind: Kind, message: String, traceback: String? = nil) {
        self.kind = kind
        self.message = message
        self.traceback = traceback
    }

    /// The message followed by its traceback, as `lua` prints it.
    package var description: String {
        guard let traceback, !traceback.isEmpty else { return message }
        return message + "\n" + traceback
    }
}

/// Thrown by a Swift function called from Lua to report a bad argument, as `luaL_argerror` does.
package struct LuaArgumentError: Error, Sendable {
    package var position: Int
    package var message: String

    /// Creates the error for argument `position` (1-based) with an explanation such as `table expected, got nil`.
    package init(_ position: Int, _ message: String) {
        self.position = position
        self.message = message
    }
}

/// Thrown by a Swift function called from Lua to raise a plain message (prefixed with the Lua caller's position).
package struct LuaRaise: Error, Sendable {
    package var message: String
    /// When false the message is raised as it is, without `file:line:`.
    package var withPosition: Bool

    package init(_ message: String, withPosition: Bool = true) {
        self.message = message
        self.withPosition = withPosition
    }
}

/// Thrown by Swift work done for a script when the run must stop (interrupt or time budget): the
/// trampoline raises the stop, and the hook raises it again at the next instruction.
package struct LuaStop: Error, Sendable {
    package init() {}
}
