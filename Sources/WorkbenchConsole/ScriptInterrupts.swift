import CEditLine
import WorkbenchLua

/// Ctrl-C while scripts run: the signal asks every running Lua state to stop instead of ending the process.
package enum ScriptInterrupts {
    /// Installs the SIGINT handler (without SA_RESTART, so a waiting line read returns).
    package static func install() { CEditLine_installSigint(LuaState.interruptAllFromSignal) }

    /// Restores the SIGINT handler that was there before `install()`.
    package static func restore() { CEditLine_restoreSigint() }
}
