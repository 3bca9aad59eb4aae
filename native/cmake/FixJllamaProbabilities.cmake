# java-llama.cpp 4.2.0's JNI code reads token probabilities under the names llama.cpp's server used before b4277
# ("probs", "tok_str", "prob"), but the server.hpp it ships writes the newer ones ("top_logprobs", "token",
# "logprob"). So any completion asking for probabilities (InferenceParameters.setNProbs) aborts the whole process on
# a failed JSON assertion. Ponder's tests compare backends on those probabilities, so the build compiles a copy of
# jllama.cpp that reads the names server.hpp writes. The copy lives in the build folder; the sources stay as
# published, and the build stops if they are not the text this fix was written for.
function(ponder_fix_jllama_probabilities source destination)
    file(READ "${source}" text)
    foreach(pair IN ITEMS
            [=[entry["probs"]|entry["top_logprobs"]]=]
            [=[std::string tok_str = tp["tok_str"];|std::string tok_str = tp["token"];]=]
            [=[float prob = tp["prob"];|float prob = std::exp(tp["logprob"].get<float>());]=])
        string(FIND "${pair}" "|" bar)
        string(SUBSTRING "${pair}" 0 ${bar} old)
        math(EXPR after "${bar} + 1")
        string(SUBSTRING "${pair}" ${after} -1 new)
        string(FIND "${text}" "${old}" at)
        if(at EQUAL -1)
            message(FATAL_ERROR "${source} no longer holds '${old}': review native/cmake/FixJllamaProbabilities.cmake")
        endif()
        string(REPLACE "${old}" "${new}" text "${text}")
    endforeach()
    file(WRITE "${destination}.new" "${text}")
    # Rewritten only when it changes, so that a reconfigure does not recompile the library.
    file(COPY_FILE "${destination}.new" "${destination}" ONLY_IF_DIFFERENT)
    file(REMOVE "${destination}.new")
endfunction()
