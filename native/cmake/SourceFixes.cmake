# Fixes to the pinned third-party sources, made on copies in the build folder: the sources stay as published, and the
# build stops when they are no longer the text a fix was written for, so that no fix can silently stop applying.

# Stops the build unless TEXT, read from SOURCE, holds EXPECTED.
function(ponder_require text source expected)
    string(FIND "${text}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "${source} no longer holds '${expected}': review native/cmake/SourceFixes.cmake")
    endif()
endfunction()

# In the variable TEXT_VAR, the text of SOURCE, replaces OLD by NEW.
function(ponder_replace text_var source old new)
    ponder_require("${${text_var}}" "${source}" "${old}")
    string(REPLACE "${old}" "${new}" replaced "${${text_var}}")
    set(${text_var} "${replaced}" PARENT_SCOPE)
endfunction()

# Writes TEXT to DESTINATION only when it changes, so that a reconfigure does not recompile what it feeds.
function(ponder_write_if_changed destination text)
    file(WRITE "${destination}.new" "${text}")
    file(COPY_FILE "${destination}.new" "${destination}" ONLY_IF_DIFFERENT)
    file(REMOVE "${destination}.new")
endfunction()

# java-llama.cpp 4.2.0's JNI code reads token probabilities under the names llama.cpp's server used before b4277
# ("probs", "tok_str", "prob"), but the server.hpp it ships writes the newer ones ("top_logprobs", "token",
# "logprob"). So any completion asking for probabilities (InferenceParameters.setNProbs) aborts the whole process on
# a failed JSON assertion. Ponder's tests compare backends on those probabilities, so the build compiles a copy of
# jllama.cpp that reads the names server.hpp writes.
function(ponder_fix_jllama_probabilities source destination)
    file(READ "${source}" text)
    ponder_replace(text "${source}" [=[entry["probs"]]=] [=[entry["top_logprobs"]]=])
    ponder_replace(text "${source}" [=[std::string tok_str = tp["tok_str"];]=] [=[std::string tok_str = tp["token"];]=])
    ponder_replace(text "${source}" [=[float prob = tp["prob"];]=]
            [=[float prob = std::exp(tp["logprob"].get<float>());]=])
    ponder_write_if_changed("${destination}" "${text}")
endfunction()

# llama.cpp b4980 splits text into words before BPE with a hand-written scanner for the GPT-2 and Llama 3 patterns, but
# Qwen2's (also DeepSeek-R1-Distill-Qwen's) falls through to std::regex, which backtracks recursively: about 2 ms a
# thousand tokens before every prompt, and a stack overflow that kills the engine on a long run of one character
# (llama.cpp issue 21113, tens of thousands of 'A's). Qwen2's pattern is Llama 3's with one digit a word instead of up
# to three, so the copy of unicode.cpp compiled here gives the Llama 3 scanner a digit limit and sends Qwen2's pattern
# to it with a limit of one; upstream did the same later (llama.cpp pull request 21257). The pattern is taken from
# llama-vocab.cpp, where Qwen2's is defined, so that the two cannot part.
function(ponder_fix_qwen2_pretokenizer llama_src destination)
    set(qwen2_pattern
        [=["(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+"]=])
    file(READ "${llama_src}/src/llama-vocab.cpp" vocab)
    ponder_require("${vocab}" "${llama_src}/src/llama-vocab.cpp" "${qwen2_pattern}")
    set(source "${llama_src}/src/unicode.cpp")
    file(READ "${source}" text)
    ponder_replace(text "${source}"
            [=[unicode_regex_split_custom_llama3(const std::string & text, const std::vector<size_t> & offsets) {]=]
            [=[unicode_regex_split_custom_llama3(const std::string & text, const std::vector<size_t> & offsets, size_t digits_a_word = 3) {]=])
    ponder_replace(text "${source}" [=[if (++pos - ini >= 3 ) {]=] [=[if (++pos - ini >= digits_a_word) {]=])
    ponder_replace(text "${source}"
            [=[        bpe_offsets = unicode_regex_split_custom_llama3(text, offsets);
    }]=]
            "        bpe_offsets = unicode_regex_split_custom_llama3(text, offsets);
    } else if (regex_expr == ${qwen2_pattern}) {
        bpe_offsets = unicode_regex_split_custom_llama3(text, offsets, 1);
    }")
    ponder_write_if_changed("${destination}" "${text}")
endfunction()
