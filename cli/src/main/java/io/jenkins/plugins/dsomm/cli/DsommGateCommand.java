package io.jenkins.plugins.dsomm.cli;

import io.jenkins.plugins.dsomm.render.TextSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/** {@code dsomm-gate}: the DSOMM Gate engine on the command line. */
@Command(name = "dsomm-gate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Turns security-scanner reports into an OWASP DSOMM maturity assessment and a gate.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:pass", "1:unstable", "2:failure", "3:usage error or unreadable input"})
public final class DsommGateCommand implements Runnable {
    /** Exit code of a usage error or of input that could not be read. */
    public static final int EXIT_USAGE = 3;
    /** The sub-commands, in the order the help lists them. */
    private static final List<String> SUBCOMMANDS = List.of("catalog", "inspect", "assess", "init", "help");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command: catalog, inspect, assess or init");
    }

    /** The command line with its sub-commands and every option. */
    static CommandLine commandLine() {
        return commandLine("");
    }

    /**
     * The command line for arguments starting with {@code first}. Only the sub-command that runs is built: picocli
     * reads the options of every sub-command it is given (assess alone has two dozen), which took a third of the
     * start-up of catalog and inspect. The help, the version and anything that is no sub-command get them all.
     * Sub-commands are added before the settings of {@link #execute}, which apply to the sub-commands present when
     * they are set.
     */
    private static CommandLine commandLine(final String first) {
        CommandLine cl = new CommandLine(new DsommGateCommand());
        boolean one = SUBCOMMANDS.contains(first) && !first.equals("help");
        for (String name : one ? List.of(first) : SUBCOMMANDS) {
            cl.addSubcommand(name, subcommand(name));
        }
        CommandLine assess = cl.getSubcommands().get("assess");
        if (assess != null) {
            AssessCommand.addSharedOptions(assess.getCommandSpec());
        }
        return cl;
    }

    /** Runs the command line with the given output streams; returns the exit code. */
    public static int execute(final PrintWriter out, final PrintWriter err, final String... args) {
        CommandLine cl = commandLine(args.length > 0 ? args[0] : "");
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(t -> EXIT_USAGE);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("dsomm-gate: " + TextSummary.safe(ex.getMessage()));
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("dsomm-gate: " + TextSummary.safe(ex.getMessage() == null ? ex.toString()
                    : ex.getMessage()));
            return EXIT_USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static Object subcommand(final String name) {
        return switch (name) {
            case "catalog" -> new CatalogCommand();
            case "inspect" -> new InspectCommand();
            case "assess" -> new AssessCommand();
            case "init" -> new InitCommand();
            default -> new CommandLine.HelpCommand();
        };
    }

    public static void main(final String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        System.exit(execute(out, err, args));
    }
}
