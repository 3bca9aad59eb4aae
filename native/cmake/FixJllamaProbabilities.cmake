# java-llama.cpp 4.2.0's JNI code reads token probabilities under the names llama.cpp's server used before b4277
# ("probs", "tok_str", "prob"), but the server.hpp it ships writes the newer ones ("top_logprobs", "token",
# "logprob"). So any completion asking for probabilities (InferenceParameters.setNProbs) aborts the whole process on
# a failed JSON assertion. Ponder's tests compare backends on those probabilities, so the build compiles a copy of
# jllama.cpp that reads the names server.hpp writes.
include(${CMAKE_CURRENT_LIST_DIR}/PatchedCopy.cmake)

function(ponder_fix_jllama_probabilities source destination)
    ponder_patched_copy("${source}" "${destination}" native/cmake/FixJllamaProbabilities.cmake
            [=[entry["probs"]]=] [=[entry["top_logprobs"]]=]
            [=[std::string tok_str = tp["tok_str"];]=] [=[std::string tok_str = tp["token"];]=]
            [=[float prob = tp["prob"];]=] [=[float prob = std::exp(tp["logprob"].get<float>());]=])
endfunction()
