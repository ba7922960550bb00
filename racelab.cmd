@echo off
rem racelab launcher for Windows (cmd.exe): the same as the POSIX `racelab` script. Finds a JDK
rem 21 or newer, builds the harness on first use (or when the sources changed) with Maven or the
rem Maven Wrapper (mvnw.cmd), then runs harness\target\racelab.jar with the user's arguments.
rem
rem Environment (as for `racelab`):
rem   RACELAB_JAVA_HOME       JDK to use (wins over everything else if it is a JDK 21+)
rem   JAVA_HOME               next preference; then the `java` on PATH; then the search roots
rem   RACELAB_JDK_DIRS        semicolon-separated folders whose children are JDK homes; replaces
rem                           the built-in search roots
rem   RACELAB_IGNORE_ENV_JDK  =1 together with RACELAB_JDK_DIRS: ignore JAVA_HOME and PATH
rem   RACELAB_JAVA_OPTS       extra JVM options
rem   RACELAB_LAUNCHER_DRY_RUN=1  print the chosen JDK and exit without building or running
rem
rem Exit codes: racelab's own (0, 1, 2, 3); 3 also when no JDK 21+ is found or the build fails,
rem in one line on stderr. No delayed expansion: an argument with "!" reaches racelab unchanged.
setlocal EnableExtensions DisableDelayedExpansion

set "MIN_FEATURE=21"
set "SCRIPT_DIR=%~dp0"
if "%SCRIPT_DIR:~-1%"=="\" set "SCRIPT_DIR=%SCRIPT_DIR:~0,-1%"
set "JAR=%SCRIPT_DIR%\harness\target\racelab.jar"

set "JDK_HOME="
set "JDK_FEATURE=0"
set "BEST_HOME="
set "BEST_FEATURE=0"
set "NEWEST_HOME="
set "NEWEST_FEATURE=0"
set "NEWEST_NOTE="
set "HERMETIC="
if defined RACELAB_JDK_DIRS if "%RACELAB_IGNORE_ENV_JDK%"=="1" set "HERMETIC=1"

rem --- Finding a JDK: the first explicit home that is a JDK 21+, else the highest JDK 21+ seen.
if defined RACELAB_JAVA_HOME call :consider "%RACELAB_JAVA_HOME%" explicit
if defined JDK_HOME goto :chosen
if not defined HERMETIC if defined JAVA_HOME call :consider "%JAVA_HOME%" explicit
if defined JDK_HOME goto :chosen
if defined HERMETIC goto :roots
for /f "delims=" %%J in ('where java.exe 2^>nul') do call :consider_java "%%~J"
:roots
if not defined RACELAB_JDK_DIRS goto :default_roots
for %%R in ("%RACELAB_JDK_DIRS:;=" "%") do call :consider_children "%%~R"
goto :roots_done
:default_roots
call :consider_children "%ProgramFiles%\Java"
call :consider_children "%ProgramFiles%\Eclipse Adoptium"
call :consider_children "%ProgramFiles%\Microsoft"
call :consider_children "%ProgramFiles%\Zulu"
call :consider_children "%ProgramFiles%\Amazon Corretto"
call :consider_children "%ProgramFiles%\BellSoft"
call :consider_children "%ProgramFiles%\OpenJDK"
call :consider_children "%USERPROFILE%\.jdks"
call :consider_children "%USERPROFILE%\scoop\apps"
:roots_done
if defined BEST_HOME (
    set "JDK_HOME=%BEST_HOME%"
    set "JDK_FEATURE=%BEST_FEATURE%"
    goto :chosen
)
set "FOUND=no Java seen"
if defined NEWEST_HOME set "FOUND=newest seen: %NEWEST_FEATURE% at %NEWEST_HOME%%NEWEST_NOTE%"
>&2 echo racelab: needs a JDK %MIN_FEATURE% or newer; found none (%FOUND%). Install one (e.g. 'winget install EclipseAdoptium.Temurin.21.JDK') or set JAVA_HOME.
exit /b 3

:chosen
rem (No %VAR% of a path inside a parenthesised block: a ")" in it, as in "Program Files (x86)",
rem would end the block.)
if not "%RACELAB_LAUNCHER_DRY_RUN%"=="1" goto :ready
echo java_home=%JDK_HOME%
echo java_version=%JDK_FEATURE%
exit /b 0

:ready

rem --- Building on first use, or when a pom.xml or a file under */src/main or labs\ is newer than the jar.
set "STALE="
if not exist "%JAR%" set "STALE=1"
if not defined STALE (
    powershell -NoProfile -NonInteractive -Command "$j=(Get-Item -LiteralPath $env:JAR).LastWriteTime; $f=@(Get-ChildItem -LiteralPath $env:SCRIPT_DIR -Filter pom.xml -File) + @(Get-ChildItem -Path (Join-Path $env:SCRIPT_DIR '*') -Directory | ForEach-Object { Get-Item -LiteralPath (Join-Path $_.FullName 'pom.xml') -ErrorAction SilentlyContinue; $s=Join-Path $_.FullName 'src\main'; if (Test-Path -LiteralPath $s) { Get-ChildItem -LiteralPath $s -Recurse -File } }) + @(Get-ChildItem -LiteralPath (Join-Path $env:SCRIPT_DIR 'labs') -Recurse -File -ErrorAction SilentlyContinue); if ($f | Where-Object { $_ -and $_.LastWriteTime -gt $j } | Select-Object -First 1) { exit 1 } else { exit 0 }" >nul 2>&1
    if errorlevel 1 set "STALE=1"
)
if defined STALE call :build
if errorlevel 1 exit /b 3

rem --- Running. The harness may start further JVMs (JCStress forks, JMH): they find the same JDK.
set "JAVA_HOME=%JDK_HOME%"
set "UNSAFE_OPT="
if %JDK_FEATURE% GEQ 23 set "UNSAFE_OPT=--sun-misc-unsafe-memory-access=allow"
"%JDK_HOME%\bin\java.exe" --enable-native-access=ALL-UNNAMED %UNSAFE_OPT% %RACELAB_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%

rem ------------------------------------------------------------------------------------------
rem :consider HOME [explicit] -- a candidate Java home; sets JDK_HOME (explicit) or BEST_HOME.
:consider
set "C_HOME="
for %%I in ("%~1") do set "C_HOME=%%~fI"
if not defined C_HOME exit /b 0
if "%C_HOME:~-1%"=="\" set "C_HOME=%C_HOME:~0,-1%"
if not exist "%C_HOME%\bin\java.exe" exit /b 0
call :feature "%C_HOME%"
if %C_FEATURE% LEQ 0 exit /b 0
if %C_FEATURE% GTR %NEWEST_FEATURE% (
    set "NEWEST_FEATURE=%C_FEATURE%"
    set "NEWEST_HOME=%C_HOME%"
    set "NEWEST_NOTE="
    if not exist "%C_HOME%\bin\javac.exe" set "NEWEST_NOTE=, a JRE without javac"
)
rem A JRE cannot build the harness, so it does not count.
if not exist "%C_HOME%\bin\javac.exe" exit /b 0
if %C_FEATURE% LSS %MIN_FEATURE% exit /b 0
if "%~2"=="explicit" (
    set "JDK_HOME=%C_HOME%"
    set "JDK_FEATURE=%C_FEATURE%"
    exit /b 0
)
if %C_FEATURE% GTR %BEST_FEATURE% (
    set "BEST_FEATURE=%C_FEATURE%"
    set "BEST_HOME=%C_HOME%"
)
exit /b 0

rem :consider_java PATH\TO\bin\java.exe -- the home two levels up.
:consider_java
call :consider "%~dp1.."
exit /b 0

rem :consider_children ROOT -- each folder under ROOT as a home. (From inside it: "for /d" over a
rem quoted "ROOT\*" lists nothing in Wine's cmd, and an unquoted one breaks on a space.)
:consider_children
if not exist "%~1\" exit /b 0
rem (No "|| exit": Wine's pushd leaves a failing errorlevel even when it succeeds.)
pushd "%~1"
for /d %%D in (*) do call :consider "%%~fD"
popd
exit /b 0

rem :feature HOME -- C_FEATURE: 25 for "25.0.1", 8 for "1.8.0_392", 0 if unknown. From the
rem release file's JAVA_VERSION, else from `java -version`.
:feature
set "C_VERSION="
set "C_FEATURE=0"
if exist "%~1\release" (
    for /f "usebackq tokens=1,* delims==" %%A in ("%~1\release") do if "%%A"=="JAVA_VERSION" set "C_VERSION=%%~B"
)
if not defined C_VERSION (
    rem "call" first: cmd /c would strip the quotes of a command line that starts with one.
    for /f "tokens=3" %%V in ('call "%~1\bin\java.exe" -version 2^>^&1 ^| findstr /i version') do set "C_VERSION=%%~V"
)
if not defined C_VERSION exit /b 0
set "C_MAJOR="
set "C_MINOR="
for /f "tokens=1,2 delims=.-_+" %%M in ("%C_VERSION%") do (
    set "C_MAJOR=%%M"
    set "C_MINOR=%%N"
)
if "%C_MAJOR%"=="1" set "C_MAJOR=%C_MINOR%"
rem A version that is not a number leaves C_FEATURE at 0 (set /a fails and changes nothing).
set "C_FEATURE=0"
set /a "C_FEATURE=%C_MAJOR%+0" >nul 2>&1
exit /b 0

rem :build -- Maven on PATH, else the Maven Wrapper; errorlevel 1 after one line on stderr.
:build
set "MAVEN="
where mvn.cmd >nul 2>&1 && set "MAVEN=mvn.cmd"
if not defined MAVEN if exist "%SCRIPT_DIR%\mvnw.cmd" if exist "%SCRIPT_DIR%\.mvn\wrapper\maven-wrapper.properties" set "MAVEN=%SCRIPT_DIR%\mvnw.cmd"
if not defined MAVEN (
    >&2 echo racelab: Maven 3.8+ ^('mvn' on PATH^) or the Maven Wrapper ^(mvnw.cmd beside this script^) is needed to build racelab on first use; install Maven, or build with 'mvn -DskipTests package' elsewhere and copy harness\target\racelab.jar here.
    exit /b 1
)
if not exist "%SCRIPT_DIR%\target" mkdir "%SCRIPT_DIR%\target"
set "LOG=%SCRIPT_DIR%\target\racelab-build.log"
if "%MAVEN%"=="mvn.cmd" >&2 echo racelab: building racelab ^(first use or sources changed^), this takes about a minute...
if not "%MAVEN%"=="mvn.cmd" >&2 echo racelab: building racelab with mvnw.cmd ^(no mvn on PATH; the first time it downloads Maven^), this takes a few minutes...
pushd "%SCRIPT_DIR%"
set "JAVA_HOME=%JDK_HOME%"
call "%MAVEN%" -q -B -DskipTests package >"%LOG%" 2>&1
set "BUILD_STATUS=%ERRORLEVEL%"
popd
if not "%BUILD_STATUS%"=="0" (
    call :last_error
    exit /b 1
)
if exist "%JAR%" goto :touch
>&2 echo racelab: build finished but %JAR% is missing, see %LOG%
exit /b 1
:touch
rem If Maven found nothing to redo, the jar keeps its old time; touch it so the next start does
rem not rebuild again.
copy /b "%JAR%"+,, "%JAR%" >nul
exit /b 0

:last_error
set "LAST=(the log is empty)"
for /f "delims=" %%L in ('findstr /b /c:"[ERROR]" "%LOG%" ^| findstr /v /c:"[Help" /c:"Re-run Maven" /c:"full stack trace" /c:"For more information about the errors" /c:"COMPILATION ERROR"') do set "LAST=%%L"
>&2 echo racelab: build failed, see %LOG%: %LAST%
exit /b 0
