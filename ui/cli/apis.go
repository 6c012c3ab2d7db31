package cli

// APIsList is not built yet.
func APIsList(env *Env, args []string) int { return env.Fail(ExitUsage, "APIsList: not built yet") }

// APIsShow is not built yet.
func APIsShow(env *Env, args []string) int { return env.Fail(ExitUsage, "APIsShow: not built yet") }
