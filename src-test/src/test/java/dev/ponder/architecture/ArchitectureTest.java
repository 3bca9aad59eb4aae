package dev.ponder.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.net.DatagramSocket;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules, written on the first day so that they never have to be switched off: the app has no face,
 * the engine knows nothing of chats or storage, and features depend on each other in one direction only.
 */
@AnalyzeClasses(packages = "dev.ponder",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestSupport.class})
class ArchitectureTest {

    /**
     * The app's tests and test helpers come in a test jar, which {@link ImportOption.DoNotIncludeTests} does not
     * recognise; the rules are the production code's, and a test may well drive a chat through an engine.
     */
    static final class NoTestSupport implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar!");
        }
    }

    @ArchTest
    static final ArchRule theAppNeverSeesJavaFx = noClasses().that().resideInAPackage("dev.ponder..")
            .and().resideOutsideOfPackage("dev.ponder.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule theEngineKnowsNothingOfChatsOrStorage = noClasses().that()
            .resideInAPackage("dev.ponder.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ponder.chat..", "dev.ponder.store..",
                    "dev.ponder.reasoning..", "dev.ponder.cli..");

    @ArchTest
    static final ArchRule theReasoningSplitterStandsAlone = noClasses().that()
            .resideInAPackage("dev.ponder.reasoning..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ponder.engine..", "dev.ponder.chat..",
                    "dev.ponder.store..", "dev.ponder.models..", "dev.ponder.cli..");

    @ArchTest
    static final ArchRule storageKnowsNoFeature = noClasses().that().resideInAPackage("dev.ponder.store..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ponder.chat..", "dev.ponder.engine..",
                    "dev.ponder.cli..");

    @ArchTest
    static final ArchRule onlyTheCommandLinesUsePicocli = noClasses().that()
            .resideOutsideOfPackages("dev.ponder.cli..", "dev.ponder.book.cli..").and().doNotHaveSimpleName("Main")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..");

    @ArchTest
    static final ArchRule onlyTheCommandLineAndTheEngineHostWriteToTheConsole = noClasses().that()
            .resideOutsideOfPackages("dev.ponder.cli..", "dev.ponder.book.cli..")
            .and().doNotHaveSimpleName("EngineHost")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("everything else logs through SLF4J");

    @ArchTest
    static final ArchRule theTextbookGeneratorKnowsNoWindow = noClasses().that().resideInAPackage("dev.ponder.book..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ponder.ui..", "javafx..");

    /**
     * Ponder touches the network only when the user starts a download. The runtime half of the proof is
     * {@code ModelCommandsTest}, which runs the commands under a guard that records every network channel opened.
     * URLs from {@code getResource} stay allowed: they name files inside the application.
     */
    @ArchTest
    static final ArchRule onlyTheDownloaderAndTheRemoteEngineReachTheNetwork = noClasses().that()
            .resideOutsideOfPackages("dev.ponder.download..", "dev.ponder.engine.remote..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "javax.net..")
            .orShould().dependOnClassesThat().belongToAnyOf(Socket.class, ServerSocket.class, DatagramSocket.class,
                    URLConnection.class, HttpURLConnection.class, InetAddress.class, InetSocketAddress.class)
            .orShould().callMethod(URL.class, "openConnection")
            .orShould().callMethod(URI.class, "toURL")
            .orShould().callConstructorWhere(target(owner(assignableTo(URL.class))))
            .because("no code path may open a connection but a download the user started, or the server the user "
                    + "chose to generate with");

    @ArchTest
    static final ArchRule socketChannelsAreTheEngineChildsAndTheDownloadersOnly = noClasses().that()
            .resideOutsideOfPackages("dev.ponder.download..", "dev.ponder.engine.process..")
            .should().dependOnClassesThat().belongToAnyOf(SocketChannel.class, ServerSocketChannel.class,
                    DatagramChannel.class, AsynchronousSocketChannel.class, AsynchronousServerSocketChannel.class)
            .because("the engine child talks over a Unix-domain socket, and nothing else needs a socket");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("dev.ponder.(*)..").should()
            .beFreeOfCycles();
}
