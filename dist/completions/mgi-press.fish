# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_mgi_press_global_optspecs
    string join \n color= diagnostic-format= h/help V/version
end

function __fish_mgi_press_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_mgi_press_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_mgi_press_using_subcommand
    set -l cmd (__fish_mgi_press_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c mgi-press -n "__fish_mgi_press_needs_command" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_needs_command" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_needs_command" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_needs_command" -s V -l version -d 'Print version'
complete -c mgi-press -n "__fish_mgi_press_needs_command" -f -a "build" -d 'Build profiles to PDF: OUT/<profile>.<lang>.pdf'
complete -c mgi-press -n "__fish_mgi_press_needs_command" -f -a "data" -d 'Write the resolved view model (the JSON the layout reads) of one profile and language'
complete -c mgi-press -n "__fish_mgi_press_needs_command" -f -a "check" -d 'Validate profiles and language packs without rendering; report every problem'
complete -c mgi-press -n "__fish_mgi_press_needs_command" -f -a "new" -d 'Create a new profile folder that passes `check` (placeholders are flagged until replaced)'
complete -c mgi-press -n "__fish_mgi_press_needs_command" -f -a "i18n" -d 'Translation tools'
complete -c mgi-press -n "__fish_mgi_press_needs_command" -f -a "schema" -d 'Write the JSON Schemas of the data files (generated from the Rust types)'
complete -c mgi-press -n "__fish_mgi_press_needs_command" -f -a "diff" -d 'Compare two builds (two PDFs or two output folders): changed documents, pages and words'
complete -c mgi-press -n "__fish_mgi_press_needs_command" -f -a "watch" -d 'Build, then rebuild on every change to the profiles, the layout, its packs or the fonts'
complete -c mgi-press -n "__fish_mgi_press_needs_command" -f -a "serve" -d 'Preview a profile in the browser, updated on every change'
complete -c mgi-press -n "__fish_mgi_press_needs_command" -f -a "preflight" -d 'Check PDFs as a printer\'s or an archive\'s preflight would (print or screen edition)'
complete -c mgi-press -n "__fish_mgi_press_needs_command" -f -a "layout" -d 'The layout built into mgi-press: write it out for a designer to start from'
complete -c mgi-press -n "__fish_mgi_press_needs_command" -f -a "licenses" -d 'Print the licences of the fonts and colour profiles built into mgi-press'
complete -c mgi-press -n "__fish_mgi_press_needs_command" -f -a "completions" -d 'Print shell completions (bash, zsh, fish) to standard output'
complete -c mgi-press -n "__fish_mgi_press_needs_command" -f -a "man" -d 'Print the manual page (roff) to standard output'
complete -c mgi-press -n "__fish_mgi_press_needs_command" -f -a "docx" -d 'Word in and out: review drafts, their edits and comments, authors\' manuscripts'
complete -c mgi-press -n "__fish_mgi_press_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -s l -l lang -d 'Languages to build (repeatable); every language a profile has when none is given' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -s o -l out -d 'Output folder' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -l edition -d 'Which editions to build: `screen` (sRGB, PDF/A-2b + PDF/UA-1, `<profile>.<lang>.pdf`), `print` (CMYK PDF/X-4 with bleed and crop marks, `<profile>.<lang>.print.pdf`), `html` (a web page, `<profile>.<lang>/index.html`, shared files in `assets/`); a list (`screen,print,html`) or the flag repeated; `both` (screen and print) or `all`' -r -f -a "print\t''
screen\t''
html\t''
both\t''
all\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -l base-url -d 'The address the output folder is published at (`https://…/mgi/`): the html edition then also writes the links that must be absolute (canonical, hreflang alternates, Open Graph)' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -l pdf-standard -d 'PDF standards of the screen edition instead of a-2b + ua-1, e.g. a-3b (repeatable)' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -l shard -d 'Build only shard K of N (e.g. 2/4): N machines with K = 1..N cover every document once' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -s j -l jobs -d 'Documents compiled in parallel (default: the number of cores)' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -l dpi -d 'Resolution of the page previews' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -l format -d 'Report format on standard output' -r -f -a "human\t''
json\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -l project -d 'The project folder holding profiles/ and, to override the built-in ones, layouts/, fonts/ and color/. Default: the nearest folder above the profile (then above the working folder) holding layouts/<layout>/main.typ and lang/en.json; else the working folder with the layout built into mgi-press' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -l layout -d 'The layout to use, a folder under layouts/' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -l strict -d 'Fail on any fallback to English (for release builds)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -l deny-warnings -d 'Warnings fail the document: placeholders, low-resolution images, fallbacks, bidi controls, Typst\'s warnings (for release builds and CI gates)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -l force -d 'Rebuild even documents whose inputs have not changed'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -l check -d 'Write nothing: list every output that is missing or out of date, and exit 1 if any is'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -l png -d 'Also write page previews (PNG) and a cover thumbnail of each output, in `OUT/previews/<profile>.<lang>[.print]/`'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -s q -l quiet -d 'No progress lines or bar on standard error (problems are still reported)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand build" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand data" -s l -l lang -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand data" -l edition -d 'The edition whose view model to write (bleed and crop marks differ; for the colours, pass the same edition to Typst: `--input mgi-edition=screen`)' -r -f -a "print\t''
screen\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand data" -s o -l output -d 'Output file; standard output when absent' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand data" -l project -d 'The project folder holding profiles/ and, to override the built-in ones, layouts/, fonts/ and color/. Default: the nearest folder above the profile (then above the working folder) holding layouts/<layout>/main.typ and lang/en.json; else the working folder with the layout built into mgi-press' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand data" -l layout -d 'The layout to use, a folder under layouts/' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand data" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand data" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand data" -l strict
complete -c mgi-press -n "__fish_mgi_press_using_subcommand data" -l marked -d 'Write the live preview\'s view model: with the source markers (`mark` nodes and `src` maps) that tell `serve` which file and key each text comes from. Without this flag, the view model of `build`, which the layout prints the same and lays out faster'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand data" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand check" -l format -r -f -a "human\t''
json\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand check" -l project -d 'The project folder holding profiles/ and, to override the built-in ones, layouts/, fonts/ and color/. Default: the nearest folder above the profile (then above the working folder) holding layouts/<layout>/main.typ and lang/en.json; else the working folder with the layout built into mgi-press' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand check" -l layout -d 'The layout to use, a folder under layouts/' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand check" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand check" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand check" -l strict
complete -c mgi-press -n "__fish_mgi_press_using_subcommand check" -l deny-warnings -d 'Warnings count as errors (exit 1)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand check" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand new" -l country -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand new" -l year -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand new" -l project -d 'The project folder holding profiles/ and, to override the built-in ones, layouts/, fonts/ and color/. Default: the nearest folder above the profile (then above the working folder) holding layouts/<layout>/main.typ and lang/en.json; else the working folder with the layout built into mgi-press' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand new" -l layout -d 'The layout to use, a folder under layouts/' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand new" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand new" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand new" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and not __fish_seen_subcommand_from status export import mark help" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and not __fish_seen_subcommand_from status export import mark help" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and not __fish_seen_subcommand_from status export import mark help" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and not __fish_seen_subcommand_from status export import mark help" -f -a "status" -d 'Per profile and language: missing, untranslated, stale and extra keys; exits 1 when a language the profile declares is not complete'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and not __fish_seen_subcommand_from status export import mark help" -f -a "export" -d 'Write the units of one language as XLIFF 1.2 or PO, for a CAT tool or a platform'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and not __fish_seen_subcommand_from status export import mark help" -f -a "import" -d 'Read a translated XLIFF or PO file back into the language\'s JSON'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and not __fish_seen_subcommand_from status export import mark help" -f -a "mark" -d 'Record the English each current translation was made from (after editing JSON by hand)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and not __fish_seen_subcommand_from status export import mark help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from status" -l format -r -f -a "human\t''
json\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from status" -l project -d 'The project folder holding profiles/ and, to override the built-in ones, layouts/, fonts/ and color/. Default: the nearest folder above the profile (then above the working folder) holding layouts/<layout>/main.typ and lang/en.json; else the working folder with the layout built into mgi-press' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from status" -l layout -d 'The layout to use, a folder under layouts/' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from status" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from status" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from export" -s l -l lang -d 'The language of the profile\'s text' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from export" -l pack -d 'The layout\'s language pack of this language, instead of a profile' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from export" -l format -r -f -a "xliff\t''
po\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from export" -s o -l output -d 'Output file; standard output when absent' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from export" -l project -d 'The project folder holding profiles/ and, to override the built-in ones, layouts/, fonts/ and color/. Default: the nearest folder above the profile (then above the working folder) holding layouts/<layout>/main.typ and lang/en.json; else the working folder with the layout built into mgi-press' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from export" -l layout -d 'The layout to use, a folder under layouts/' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from export" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from export" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from import" -l project -d 'The project folder holding profiles/ and, to override the built-in ones, layouts/, fonts/ and color/. Default: the nearest folder above the profile (then above the working folder) holding layouts/<layout>/main.typ and lang/en.json; else the working folder with the layout built into mgi-press' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from import" -l layout -d 'The layout to use, a folder under layouts/' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from import" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from import" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from import" -l dry-run -d 'Check everything, write nothing'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from mark" -s l -l lang -d 'The language of the profile\'s text' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from mark" -l pack -d 'The layout\'s language pack of this language, instead of a profile' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from mark" -l same -d 'Keys whose translation is the same as the English on purpose' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from mark" -l project -d 'The project folder holding profiles/ and, to override the built-in ones, layouts/, fonts/ and color/. Default: the nearest folder above the profile (then above the working folder) holding layouts/<layout>/main.typ and lang/en.json; else the working folder with the layout built into mgi-press' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from mark" -l layout -d 'The layout to use, a folder under layouts/' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from mark" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from mark" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from mark" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from help" -f -a "status" -d 'Per profile and language: missing, untranslated, stale and extra keys; exits 1 when a language the profile declares is not complete'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write the units of one language as XLIFF 1.2 or PO, for a CAT tool or a platform'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from help" -f -a "import" -d 'Read a translated XLIFF or PO file back into the language\'s JSON'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from help" -f -a "mark" -d 'Record the English each current translation was made from (after editing JSON by hand)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand i18n; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand schema" -s o -l out -d 'Output folder' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand schema" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand schema" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand schema" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand diff" -l report -d 'Also write a self-contained HTML report (page images embedded) to this file' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand diff" -l dpi -d 'Resolution of the rendered pages compared and shown in the report (20 to 150)' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand diff" -l format -d 'Results on standard output: a human summary, or JSON' -r -f -a "human\t''
json\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand diff" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand diff" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand diff" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand watch" -s l -l lang -d 'Languages to build (repeatable); every language a profile has when none is given' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand watch" -s o -l out -d 'Output folder' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand watch" -l edition -d 'Which editions to build: `screen` (sRGB, PDF/A-2b + PDF/UA-1, `<profile>.<lang>.pdf`), `print` (CMYK PDF/X-4 with bleed and crop marks, `<profile>.<lang>.print.pdf`), `html` (a web page, `<profile>.<lang>/index.html`, shared files in `assets/`); a list (`screen,print,html`) or the flag repeated; `both` (screen and print) or `all`' -r -f -a "print\t''
screen\t''
html\t''
both\t''
all\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand watch" -l project -d 'The project folder holding profiles/ and, to override the built-in ones, layouts/, fonts/ and color/. Default: the nearest folder above the profile (then above the working folder) holding layouts/<layout>/main.typ and lang/en.json; else the working folder with the layout built into mgi-press' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand watch" -l layout -d 'The layout to use, a folder under layouts/' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand watch" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand watch" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand watch" -l strict -d 'Fail on any fallback to English (for release builds)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand watch" -l deny-warnings -d 'Warnings fail the document: placeholders, low-resolution images, fallbacks, bidi controls, Typst\'s warnings (for release builds and CI gates)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand watch" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand serve" -s l -l lang -d 'The language shown first (the page switches between the profile\'s languages)' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand serve" -l port -d 'Port to listen on; 0 picks a free one (printed)' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand serve" -l host -d 'Address to listen on; only this machine by default' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand serve" -l allowed-host -d 'Another host name the preview answers to (repeatable), besides localhost, 127.0.0.1, [::1] and --host: e.g. the machine\'s name when --host 0.0.0.0 shares it on a network. Requests naming any other host get 403 (docs/preview-security.md)' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand serve" -l edition -d 'The edition previewed' -r -f -a "print\t''
screen\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand serve" -l project -d 'The project folder holding profiles/ and, to override the built-in ones, layouts/, fonts/ and color/. Default: the nearest folder above the profile (then above the working folder) holding layouts/<layout>/main.typ and lang/en.json; else the working folder with the layout built into mgi-press' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand serve" -l layout -d 'The layout to use, a folder under layouts/' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand serve" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand serve" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand serve" -l open -d 'Open the preview in the default browser ($BROWSER, else xdg-open / open / explorer)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand serve" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand preflight" -l edition -d 'The edition to check for: print (PDF/X-4 rules: CMYK, boxes, output intent, 300 ppi, ink) or screen (language, title, structure, sRGB). Default: what each file claims (PDF/X → print, PDF/A or PDF/UA → screen, neither → print)' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand preflight" -l format -d 'Results on standard output: one line per finding, or JSON' -r -f -a "human\t''
json\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand preflight" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand preflight" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand preflight" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand layout; and not __fish_seen_subcommand_from export help" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand layout; and not __fish_seen_subcommand_from export help" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand layout; and not __fish_seen_subcommand_from export help" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand layout; and not __fish_seen_subcommand_from export help" -f -a "export" -d 'Write the built-in layout (layouts/mgi with its language packs), fonts/, color/ and schemas/ into DIR, which then overrides them (--project DIR, or run inside DIR)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand layout; and not __fish_seen_subcommand_from export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand layout; and __fish_seen_subcommand_from export" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand layout; and __fish_seen_subcommand_from export" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand layout; and __fish_seen_subcommand_from export" -l force -d 'Overwrite files that are already there'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand layout; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand layout; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write the built-in layout (layouts/mgi with its language packs), fonts/, color/ and schemas/ into DIR, which then overrides them (--project DIR, or run inside DIR)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand layout; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand licenses" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand licenses" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand licenses" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand completions" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand completions" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand completions" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand man" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand man" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand man" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and not __fish_seen_subcommand_from export import manuscript help" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and not __fish_seen_subcommand_from export import manuscript help" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and not __fish_seen_subcommand_from export import manuscript help" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and not __fish_seen_subcommand_from export import manuscript help" -f -a "export" -d 'Write a profile\'s text in one language as a Word review draft (every text anchored)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and not __fish_seen_subcommand_from export import manuscript help" -f -a "import" -d 'Read an edited review draft back: changed texts, tracked changes, comments, fact edits'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and not __fish_seen_subcommand_from export import manuscript help" -f -a "manuscript" -d 'Map an author\'s manuscript (no anchors) by its structure into a profile\'s text'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and not __fish_seen_subcommand_from export import manuscript help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from export" -s l -l lang -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from export" -s o -l output -d 'Output file; `<profile>.<lang>.docx` when absent' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from export" -l project -d 'The project folder holding profiles/ and, to override the built-in ones, layouts/, fonts/ and color/. Default: the nearest folder above the profile (then above the working folder) holding layouts/<layout>/main.typ and lang/en.json; else the working folder with the layout built into mgi-press' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from export" -l layout -d 'The layout to use, a folder under layouts/' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from export" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from export" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from import" -l profile -d 'The profile folder, instead of the one the draft names' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from import" -l format -r -f -a "human\t''
json\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from import" -l project -d 'The project folder holding profiles/ and, to override the built-in ones, layouts/, fonts/ and color/. Default: the nearest folder above the profile (then above the working folder) holding layouts/<layout>/main.typ and lang/en.json; else the working folder with the layout built into mgi-press' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from import" -l layout -d 'The layout to use, a folder under layouts/' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from import" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from import" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from import" -l dry-run -d 'Check and report everything, write nothing'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from import" -l accept-changes -d 'Apply the tracked changes not yet accepted, as Word\'s "accept all" would'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from manuscript" -l profile -d 'The profile folder to write: a new one, or an existing one to add a language to' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from manuscript" -s l -l lang -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from manuscript" -l project -d 'The project folder holding profiles/ and, to override the built-in ones, layouts/, fonts/ and color/. Default: the nearest folder above the profile (then above the working folder) holding layouts/<layout>/main.typ and lang/en.json; else the working folder with the layout built into mgi-press' -r -F
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from manuscript" -l layout -d 'The layout to use, a folder under layouts/' -r
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from manuscript" -l color -d 'Colour in messages' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from manuscript" -l diagnostic-format -d '`human`: the full report with the source line; `short`: one line per problem (file:line:col: level: message), for editors and CI logs' -r -f -a "human\t''
short\t''"
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from manuscript" -l dry-run -d 'Report what would be mapped, write nothing'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from manuscript" -l force -d 'Replace a language\'s text that is more than the scaffold\'s placeholders'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from manuscript" -s h -l help -d 'Print help'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write a profile\'s text in one language as a Word review draft (every text anchored)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from help" -f -a "import" -d 'Read an edited review draft back: changed texts, tracked changes, comments, fact edits'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from help" -f -a "manuscript" -d 'Map an author\'s manuscript (no anchors) by its structure into a profile\'s text'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand docx; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and not __fish_seen_subcommand_from build data check new i18n schema diff watch serve preflight layout licenses completions man docx help" -f -a "build" -d 'Build profiles to PDF: OUT/<profile>.<lang>.pdf'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and not __fish_seen_subcommand_from build data check new i18n schema diff watch serve preflight layout licenses completions man docx help" -f -a "data" -d 'Write the resolved view model (the JSON the layout reads) of one profile and language'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and not __fish_seen_subcommand_from build data check new i18n schema diff watch serve preflight layout licenses completions man docx help" -f -a "check" -d 'Validate profiles and language packs without rendering; report every problem'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and not __fish_seen_subcommand_from build data check new i18n schema diff watch serve preflight layout licenses completions man docx help" -f -a "new" -d 'Create a new profile folder that passes `check` (placeholders are flagged until replaced)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and not __fish_seen_subcommand_from build data check new i18n schema diff watch serve preflight layout licenses completions man docx help" -f -a "i18n" -d 'Translation tools'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and not __fish_seen_subcommand_from build data check new i18n schema diff watch serve preflight layout licenses completions man docx help" -f -a "schema" -d 'Write the JSON Schemas of the data files (generated from the Rust types)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and not __fish_seen_subcommand_from build data check new i18n schema diff watch serve preflight layout licenses completions man docx help" -f -a "diff" -d 'Compare two builds (two PDFs or two output folders): changed documents, pages and words'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and not __fish_seen_subcommand_from build data check new i18n schema diff watch serve preflight layout licenses completions man docx help" -f -a "watch" -d 'Build, then rebuild on every change to the profiles, the layout, its packs or the fonts'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and not __fish_seen_subcommand_from build data check new i18n schema diff watch serve preflight layout licenses completions man docx help" -f -a "serve" -d 'Preview a profile in the browser, updated on every change'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and not __fish_seen_subcommand_from build data check new i18n schema diff watch serve preflight layout licenses completions man docx help" -f -a "preflight" -d 'Check PDFs as a printer\'s or an archive\'s preflight would (print or screen edition)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and not __fish_seen_subcommand_from build data check new i18n schema diff watch serve preflight layout licenses completions man docx help" -f -a "layout" -d 'The layout built into mgi-press: write it out for a designer to start from'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and not __fish_seen_subcommand_from build data check new i18n schema diff watch serve preflight layout licenses completions man docx help" -f -a "licenses" -d 'Print the licences of the fonts and colour profiles built into mgi-press'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and not __fish_seen_subcommand_from build data check new i18n schema diff watch serve preflight layout licenses completions man docx help" -f -a "completions" -d 'Print shell completions (bash, zsh, fish) to standard output'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and not __fish_seen_subcommand_from build data check new i18n schema diff watch serve preflight layout licenses completions man docx help" -f -a "man" -d 'Print the manual page (roff) to standard output'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and not __fish_seen_subcommand_from build data check new i18n schema diff watch serve preflight layout licenses completions man docx help" -f -a "docx" -d 'Word in and out: review drafts, their edits and comments, authors\' manuscripts'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and not __fish_seen_subcommand_from build data check new i18n schema diff watch serve preflight layout licenses completions man docx help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and __fish_seen_subcommand_from i18n" -f -a "status" -d 'Per profile and language: missing, untranslated, stale and extra keys; exits 1 when a language the profile declares is not complete'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and __fish_seen_subcommand_from i18n" -f -a "export" -d 'Write the units of one language as XLIFF 1.2 or PO, for a CAT tool or a platform'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and __fish_seen_subcommand_from i18n" -f -a "import" -d 'Read a translated XLIFF or PO file back into the language\'s JSON'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and __fish_seen_subcommand_from i18n" -f -a "mark" -d 'Record the English each current translation was made from (after editing JSON by hand)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and __fish_seen_subcommand_from layout" -f -a "export" -d 'Write the built-in layout (layouts/mgi with its language packs), fonts/, color/ and schemas/ into DIR, which then overrides them (--project DIR, or run inside DIR)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and __fish_seen_subcommand_from docx" -f -a "export" -d 'Write a profile\'s text in one language as a Word review draft (every text anchored)'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and __fish_seen_subcommand_from docx" -f -a "import" -d 'Read an edited review draft back: changed texts, tracked changes, comments, fact edits'
complete -c mgi-press -n "__fish_mgi_press_using_subcommand help; and __fish_seen_subcommand_from docx" -f -a "manuscript" -d 'Map an author\'s manuscript (no anchors) by its structure into a profile\'s text'
