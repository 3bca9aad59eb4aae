package dev.ponder.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("dev.ponder.(*)..").should()
            .beFreeOfCycles();
}
