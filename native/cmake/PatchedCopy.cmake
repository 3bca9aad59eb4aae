# Compiles a changed copy of a third-party source instead of the source itself: the copy lives in the build folder,
# the sources stay as published, and the build stops if a text to replace is missing, which means the sources are
# not the ones the change was written for.
#
# ponder_patched_copy(SOURCE DESTINATION REVIEW OLD1 NEW1 [OLD2 NEW2 …]): REVIEW names the file that explains the
# change, for the error message.
function(ponder_patched_copy source destination review)
    file(READ "${source}" text)
    # Arguments by index, not through ARGN: that list would split the texts at their semicolons.
    math(EXPR last "${ARGC} - 1")
    foreach(i RANGE 3 ${last} 2)
        math(EXPR j "${i} + 1")
        set(old "${ARGV${i}}")
        set(new "${ARGV${j}}")
        string(FIND "${text}" "${old}" at)
        if(at EQUAL -1)
            message(FATAL_ERROR "${source} no longer holds '${old}': review ${review}")
        endif()
        string(REPLACE "${old}" "${new}" text "${text}")
    endforeach()
    file(WRITE "${destination}.new" "${text}")
    # Rewritten only when it changes, so that a reconfigure does not recompile it.
    file(COPY_FILE "${destination}.new" "${destination}" ONLY_IF_DIFFERENT)
    file(REMOVE "${destination}.new")
endfunction()
